package io.gatehouse.face.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * Measures on a face normalised to a square.
 * <p>Eye openness: the share of each eye band covered by dark blobs (pixels under 60% of the face's mean
 * brightness, after a 5 px morphological opening). An open eye shows a dark iris and pupil blob; a closed
 * one is lid skin. The opening removes thin dark lines — lashes, eyebrow edges, spectacle frames — that fool
 * plain contrast measures and eye cascades (which also fire on closed eyes). The score depends on the person
 * and the light, so blinks are judged relative to the session's own open-eye level ({@code LivenessTracker}).
 * <p>Yaw: the darkest spot of each eye band (the iris) moves sideways in the face box as the head turns.
 * <p>Quality: sharpness (Laplacian spread), exposure, face size in the frame and a frontal pose.
 */
record FaceMeasures(double eyeOpenness, double yaw, double sharpness, double exposure) {

  private static final double EYE_TOP = 0.30;
  private static final double EYE_BOTTOM = 0.50;
  private static final double LEFT_EYE_X = 0.14;
  private static final double RIGHT_EYE_X = 0.54;
  private static final double EYE_WIDTH = 0.32;
  private static final double DARK_FRACTION_OF_MEAN = 0.6;
  private static final double SHARPNESS_FULL = 400.0;
  private static final double FACE_WIDTH_FULL = 120.0;

  static FaceMeasures of(Mat face) {
    int side = face.cols();
    Rect left = band(side, LEFT_EYE_X);
    Rect right = band(side, RIGHT_EYE_X);
    Rect inner = new Rect((int) (side * 0.12), (int) (side * 0.12), (int) (side * 0.76), (int) (side * 0.80));
    double[] faceStats = stats(new Mat(face, inner));
    double darkBelow = faceStats[0] * DARK_FRACTION_OF_MEAN;
    double openness = (darkBlobShare(new Mat(face, left), darkBelow) + darkBlobShare(new Mat(face, right), darkBelow)) / 2;
    double mid = (darkestX(face, left) + darkestX(face, right)) / 2.0;
    double yaw = Math.max(-1, Math.min(1, (mid - side / 2.0) / (side / 2.0) * 3));
    Mat laplacian = new Mat();
    Laplacian(new Mat(face, inner), laplacian, CV_64F);
    double spread = stats(laplacian)[1];
    double sharpness = Math.min(1, spread * spread / SHARPNESS_FULL);
    double exposure = Math.max(0, 1 - Math.abs(faceStats[0] - 128) / 128);
    return new FaceMeasures(openness, yaw, sharpness, exposure);
  }

  /** 0..1: sharpness, exposure, face size in the source frame and a frontal pose, weighted. */
  double quality(int faceWidthPixels) {
    double size = Math.min(1, faceWidthPixels / FACE_WIDTH_FULL);
    double pose = 1 - Math.abs(yaw);
    return 0.35 * sharpness + 0.25 * exposure + 0.25 * size + 0.15 * pose;
  }

  private static double darkBlobShare(Mat band, double darkBelow) {
    Mat mask = new Mat();
    threshold(band, mask, darkBelow, 255, THRESH_BINARY_INV);
    morphologyEx(mask, mask, MORPH_OPEN, getStructuringElement(MORPH_ELLIPSE, new Size(5, 5)));
    return countNonZero(mask) / (double) mask.total();
  }

  private static Rect band(int side, double x) {
    return new Rect((int) (side * x), (int) (side * EYE_TOP), (int) (side * EYE_WIDTH),
      (int) (side * (EYE_BOTTOM - EYE_TOP)));
  }

  private static double[] stats(Mat region) {
    Mat mean = new Mat();
    Mat deviation = new Mat();
    meanStdDev(region, mean, deviation);
    return new double[] {mean.createIndexer().getDouble(0), deviation.createIndexer().getDouble(0)};
  }

  private static int darkestX(Mat face, Rect band) {
    Mat blurred = new Mat();
    GaussianBlur(new Mat(face, band), blurred, new Size(9, 9), 0);
    Point min = new Point();
    minMaxLoc(blurred, (DoublePointer) null, (DoublePointer) null, min, null, null);
    return band.x() + min.x();
  }
}
