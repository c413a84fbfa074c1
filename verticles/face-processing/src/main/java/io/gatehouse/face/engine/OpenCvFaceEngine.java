package io.gatehouse.face.engine;

import io.gatehouse.contract.face.FrameAnalysis;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_face.LBPHFaceRecognizer;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The default engine: OpenCV's Haar frontal-face cascade (alt2) on a downscaled, equalised frame; eye state, yaw and
 * quality measured on the face normalised to {@value #FACE_SIZE} px ({@link FaceMeasures}); an LBPH histogram
 * (OpenCV face module) of the face as template. One instance per thread.
 */
public final class OpenCvFaceEngine implements FaceEngine {

  static final int FACE_SIZE = 128;
  private static final int TEMPLATE_SIZE = 96;

  private final EngineOptions options;
  private final ImageGuard guard;
  private final CascadeClassifier frontal = Cascades.load("haarcascades/haarcascade_frontalface_alt2.xml");
  private final LBPHFaceRecognizer lbph = LBPHFaceRecognizer.create(1, 8, 8, 8, Double.MAX_VALUE);

  public OpenCvFaceEngine(EngineOptions options) {
    // Parallelism comes from the worker pool (one engine per thread); OpenCV's own thread pool would only
    // contend with it, so each analysis stays on its calling thread.
    setNumThreads(1);
    this.options = options;
    this.guard = new ImageGuard(options.maxFrameBytes(), options.maxPixels());
  }

  @Override
  public Result analyze(byte[] image, boolean withTemplate) {
    guard.check(image);
    try (PointerScope scope = new PointerScope()) {
      Mat gray = decode(image);
      Detection detection = detect(gray);
      if (detection.box() == null) {
        return new Result(FrameAnalysis.noSingleFace(detection.faces()), 0, null);
      }
      Rect box = detection.box();
      Mat face = new Mat();
      resize(new Mat(gray, box), face, new Size(FACE_SIZE, FACE_SIZE), 0, 0, INTER_AREA);
      FaceMeasures measures = FaceMeasures.of(face);
      double width = gray.cols();
      double height = gray.rows();
      FrameAnalysis analysis = new FrameAnalysis(1, measures.eyeOpenness() >= options.eyesOpenAbove(),
        (box.x() + box.width() / 2.0) / width, (box.y() + box.height() / 2.0) / height, box.width() / width,
        measures.yaw(), measures.quality(box.width()), measures.eyeOpenness());
      return new Result(analysis, measures.eyeOpenness(), withTemplate ? template(face) : null);
    }
  }

  /** Eye-band contrast relative to the face, for calibration and diagnostics. */
  @Override
  public double distance(FaceTemplate a, FaceTemplate b) {
    if (a.length() != b.length()) {
      return Double.MAX_VALUE;
    }
    double sum = 0;
    for (int i = 0; i < a.length(); i++) {
      double x = a.at(i);
      double y = b.at(i);
      if (x + y > 0) {
        sum += 2 * (x - y) * (x - y) / (x + y);
      }
    }
    return sum;
  }

  private static Mat decode(byte[] image) {
    Mat buffer = new Mat(1, image.length, CV_8UC1);
    buffer.data().put(image);
    Mat gray = imdecode(buffer, IMREAD_GRAYSCALE);
    if (gray == null || gray.empty()) {
      throw new InvalidFrameException("image does not decode");
    }
    return gray;
  }

  /** How many faces were found, and the box of the only one in full-resolution coordinates (else null). */
  private record Detection(int faces, Rect box) {
  }

  private Detection detect(Mat gray) {
    double scale = Math.min(1.0, options.detectWidth() / (double) gray.cols());
    Mat small = new Mat();
    resize(gray, small, new Size(Math.max(1, (int) Math.round(gray.cols() * scale)),
      Math.max(1, (int) Math.round(gray.rows() * scale))), 0, 0, INTER_AREA);
    equalizeHist(small, small);
    RectVector found = new RectVector();
    int minSide = Math.max(24, (int) (Math.min(small.cols(), small.rows()) * options.minFaceRatio()));
    frontal.detectMultiScale(small, found, 1.1, 4, 0, new Size(minSide, minSide), new Size());
    if (found.size() != 1) {
      return new Detection((int) found.size(), null);
    }
    Rect r = found.get(0);
    int x = clamp((int) Math.round(r.x() / scale), gray.cols() - 1);
    int y = clamp((int) Math.round(r.y() / scale), gray.rows() - 1);
    int w = Math.max(1, Math.min((int) Math.round(r.width() / scale), gray.cols() - x));
    int h = Math.max(1, Math.min((int) Math.round(r.height() / scale), gray.rows() - y));
    return new Detection(1, new Rect(x, y, w, h));
  }

  private FaceTemplate template(Mat face) {
    Mat small = new Mat();
    resize(face, small, new Size(TEMPLATE_SIZE, TEMPLATE_SIZE), 0, 0, INTER_AREA);
    equalizeHist(small, small);
    Mat labels = new Mat(1, 1, CV_32SC1);
    labels.ptr(0).putInt(0);
    lbph.train(new MatVector(small), labels);
    Mat histogram = lbph.getHistograms().get(0);
    float[] features = new float[(int) histogram.total()];
    new FloatPointer(histogram.data()).get(features);
    return new FaceTemplate(features);
  }

  private static int clamp(int value, int max) {
    return Math.max(0, Math.min(value, max));
  }

  @Override
  public void close() {
    frontal.close();
    lbph.close();
  }
}
