package io.gatehouse.face.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Moments;
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
import static org.bytedeco.opencv.global.opencv_imgproc.moments;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * Measures on a face normalised to a square.
 * <p>Eye openness: the share of each eye band covered by dark blobs (pixels under 60% of the face's mean
 * brightness, after a 5 px morphological opening). An open eye shows a dark iris and pupil blob; a closed
 * one is lid skin. The opening removes thin dark lines — lashes, eyebrow edges, spectacle frames — that fool
 * plain contrast measures and eye cascades (which also fire on closed eyes). The score depends on the person
 * and the light, so blinks are judged relative to the session's own open-eye level ({@code LivenessTracker}).
 * <p>Yaw: the eyes (the dark iris and pupil blobs left by the same opening, or the darkest spot of a band
 * when it has none, as with closed eyes) move sideways in the face box as the head turns; their mean offset
 * from the bands' centres, in half face widths times 3, clamped to -1..1. Negative is towards the image's
 * left. Offsets are taken from pixel centres so that a mirrored face reads as the exact opposite yaw (the
 * darkest single pixel, used before, was biased by a pixel and fooled by spectacle frames).
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
  private static final double YAW_GAIN = 3.0;

  static FaceMeasures of(Mat face) {
    int side = face.cols();
    Rect left = band(side, LEFT_EYE_X);
    Rect right = band(side, RIGHT_EYE_X);
    Rect inner = new Rect((int) (side * 0.12), (int) (side * 0.12), (int) (side * 0.76), (int) (side * 0.80));
    double[] faceStats = stats(new Mat(face, inner));
    double darkBelow = faceStats[0] * DARK_FRACTION_OF_MEAN;
    Mat leftEye = darkBlobs(new Mat(face, left), darkBelow);
    Mat rightEye = darkBlobs(new Mat(face, right), darkBelow);
    double openness = (share(leftEye) + share(rightEye)) / 2;
    double offset = (eyeOffset(face, left, leftEye) + eyeOffset(face, right, rightEye)) / 2;
    double yaw = Math.max(-1, Math.min(1, offset / (side / 2.0) * YAW_GAIN));
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

  /** The mask of a band's dark blobs: pixels under {@code darkBelow}, thin lines removed by a 5 px opening. */
  private static Mat darkBlobs(Mat band, double darkBelow) {
    Mat mask = new Mat();
    threshold(band, mask, darkBelow, 255, THRESH_BINARY_INV);
    morphologyEx(mask, mask, MORPH_OPEN, getStructuringElement(MORPH_ELLIPSE, new Size(5, 5)));
    return mask;
  }

  private static double share(Mat mask) {
    return countNonZero(mask) / (double) mask.total();
  }

  /** How far (px) the eye sits right of its band's centre: the blobs' centroid, else the darkest spot. */
  private static double eyeOffset(Mat face, Rect band, Mat blobs) {
    Moments m = moments(blobs, true);
    double x = m.m00() > 0 ? m.m10() / m.m00() : darkestX(new Mat(face, band));
    return x + 0.5 - band.width() / 2.0;
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

  private static int darkestX(Mat band) {
    Mat blurred = new Mat();
    GaussianBlur(band, blurred, new Size(9, 9), 0);
    Point min = new Point();
    minMaxLoc(blurred, (DoublePointer) null, (DoublePointer) null, min, null, null);
    return min.x();
  }
}
