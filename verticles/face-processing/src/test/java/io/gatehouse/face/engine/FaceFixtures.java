package io.gatehouse.face.engine;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Builds camera-like 640×480 JPEG frames from real photographs, honestly and reproducibly:
 * <ul>
 *   <li>the face (found with OpenCV's Haar frontal cascade — not the engine's LBP one) is scaled to
 *       {@code faceWidth} px and the photo is cropped around it, so a different {@code dx/dy} is a head
 *       moved in the frame (motion) and a different {@code faceWidth} a head closer or further;</li>
 *   <li>closed eyes: each eye (Haar eye cascade inside the upper face) is painted over with an ellipse in
 *       the mean colour of the skin just below it, then softened with a blur, like a lid;</li>
 *   <li>every frame is re-encoded as JPEG at quality 85, as a browser's {@code canvas.toDataURL} would.</li>
 * </ul>
 * Photos: {@code sinaface.jpg} (one man) from {@code org.openimaj:test-resources}, and the
 * {@code demo/sample*.jpg} portraits of {@code @vladmandic/face-api} (other people) from {@code clients/}.
 */
public final class FaceFixtures {

  public static final int WIDTH = 640;
  public static final int HEIGHT = 480;

  private final Mat photo;
  private final Rect face;

  private final List<Rect> eyes;

  private FaceFixtures(Mat source, int person) {
    try (CascadeClassifier faces = Cascades.load("haarcascades/haarcascade_frontalface_default.xml");
         CascadeClassifier eyeCascade = Cascades.load("haarcascades/haarcascade_eye.xml")) {
      Mat gray = new Mat();
      cvtColor(source, gray, COLOR_BGR2GRAY);
      RectVector found = new RectVector();
      faces.detectMultiScale(gray, found, 1.1, 5, 0, new Size(40, 40), new Size());
      if (found.size() == 0) {
        throw new IllegalStateException("no face in fixture photo");
      }
      Rect chosen = byPosition(found, person);
      // Keep only this person: the photo is cropped to a portrait around the chosen face.
      Rect crop = clip(new Rect(chosen.x() - chosen.width() * 7 / 10, chosen.y() - chosen.height() * 3 / 5,
        chosen.width() * 24 / 10, chosen.height() * 26 / 10), source);
      this.photo = new Mat(source, crop).clone();
      this.face = new Rect(chosen.x() - crop.x(), chosen.y() - crop.y(), chosen.width(), chosen.height());
      gray = new Mat(gray, crop).clone();
      Rect upper = new Rect(face.x(), face.y(), face.width(), face.height() / 2 + face.height() / 10);
      RectVector eyeRects = new RectVector();
      eyeCascade.detectMultiScale(new Mat(gray, upper), eyeRects, 1.05, 3, 0,
        new Size(face.width() / 10, face.width() / 10), new Size(face.width() / 3, face.width() / 3));
      List<Rect> found2 = new ArrayList<>();
      for (long i = 0; i < eyeRects.size(); i++) {
        Rect e = eyeRects.get(i);
        found2.add(new Rect(e.x() + upper.x(), e.y() + upper.y(), e.width(), e.height()));
      }
      found2.sort(Comparator.comparingInt(r -> -r.area()));
      this.eyes = found2.size() > 2 ? List.copyOf(found2.subList(0, 2)) : List.copyOf(found2);
    }
  }

  private FaceFixtures(Mat photo, Rect face, List<Rect> eyes) {
    this.photo = photo;
    this.face = face;
    this.eyes = eyes;
  }

  public static FaceFixtures sina() {
    return of(classpathBytes("/org/openimaj/image/data/sinaface.jpg"), 0);
  }

  /**
   * One person of a {@code demo/sample<n>.jpg} group photo of the face-api npm package (installed under
   * {@code clients/}): the {@code person}-th face from the left, cropped to a portrait.
   */
  public static FaceFixtures faceApiSample(int n, int person) {
    return of(fileBytes(TestImages.faceApiDemo().resolve("sample" + n + ".jpg")), person);
  }

  public static FaceFixtures of(byte[] encoded, int person) {
    Mat buffer = new Mat(1, encoded.length, CV_8UC1);
    buffer.data().put(encoded);
    return new FaceFixtures(imdecode(buffer, IMREAD_COLOR), person);
  }

  /**
   * The same photograph mirrored left to right, as a selfie camera shows it: a real head turned towards the
   * image's left becomes a real head turned towards the image's right, by the same angle.
   */
  public FaceFixtures mirrored() {
    Mat flipped = new Mat();
    flip(photo, flipped, 1);
    List<Rect> flippedEyes = eyes.stream().map(eye -> mirror(eye, photo.cols())).toList();
    return new FaceFixtures(flipped, mirror(face, photo.cols()), flippedEyes);
  }

  private static Rect mirror(Rect r, int width) {
    return new Rect(width - r.x() - r.width(), r.y(), r.width(), r.height());
  }

  public int eyesFound() {
    return eyes.size();
  }

  /** A 640×480 JPEG with the face {@code faceWidth} px wide, its centre moved by (dx, dy) from the middle. */
  public byte[] frame(int faceWidth, int dx, int dy, boolean eyesClosed) {
    try (PointerScope scope = new PointerScope()) {
      Mat source = eyesClosed ? withClosedEyes() : photo;
      double scale = faceWidth / (double) face.width();
      Mat scaled = new Mat();
      resize(source, scaled, new Size((int) (photo.cols() * scale), (int) (photo.rows() * scale)), 0, 0, INTER_AREA);
      Mat canvas = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(110, 110, 110, 0));
      int faceCx = (int) ((face.x() + face.width() / 2.0) * scale);
      int faceCy = (int) ((face.y() + face.height() / 2.0) * scale);
      int left = faceCx - (WIDTH / 2 + dx);
      int top = faceCy - (HEIGHT / 2 + dy);
      int sx = Math.max(0, left);
      int sy = Math.max(0, top);
      int ex = Math.min(scaled.cols(), left + WIDTH);
      int ey = Math.min(scaled.rows(), top + HEIGHT);
      if (ex > sx && ey > sy) {
        new Mat(scaled, new Rect(sx, sy, ex - sx, ey - sy))
          .copyTo(new Mat(canvas, new Rect(sx - left, sy - top, ex - sx, ey - sy)));
      }
      return jpeg(canvas, 85);
    }
  }

  /** The usual enrollment take: centred, moved, eyes closed, open again, closer. */
  public List<byte[]> livelySequence() {
    return List.of(frame(170, 0, 0, false), frame(170, 40, 10, false), frame(170, 40, 10, true),
      frame(170, 20, 0, false), frame(180, -30, 0, false), frame(175, 0, -10, false));
  }

  public static byte[] jpeg(Mat image, int quality) {
    BytePointer out = new BytePointer();
    imencode(".jpg", image, out, new IntPointer(IMWRITE_JPEG_QUALITY, quality));
    byte[] bytes = new byte[(int) out.limit()];
    out.get(bytes);
    return bytes;
  }

  private Mat withClosedEyes() {
    return withClosedEyes(false);
  }

  /**
   * A frame whose eyes are drawn shut: painted over as in {@link #frame}, and with {@code lidLines} a dark
   * closed-lid line across each (what a landmark net reads as a shut eye, where skin paint alone is not).
   */
  public byte[] frameWithEyesDrawnShut(int faceWidth, int dx, int dy) {
    return new FaceFixtures(withClosedEyes(true), face, eyes).frame(faceWidth, dx, dy, false);
  }

  private Mat withClosedEyes(boolean lidLines) {
    Mat copy = photo.clone();
    for (Rect eye : eyes) {
      Rect cheek = new Rect(eye.x() + eye.width() / 4, Math.min(photo.rows() - 1, eye.y() + eye.height()),
        eye.width() / 2, Math.max(1, Math.min(eye.height() / 2, photo.rows() - eye.y() - eye.height() - 1)));
      Scalar skin = mean(new Mat(photo, cheek));
      Point center = new Point(eye.x() + eye.width() / 2, eye.y() + eye.height() / 2);
      ellipse(copy, center, new Size((int) (eye.width() * 0.36), (int) (eye.height() * 0.24)), 0, 0, 360, skin,
        FILLED, 8, 0);
      if (lidLines) {
        Scalar lash = new Scalar(skin.get(0) * 0.3, skin.get(1) * 0.3, skin.get(2) * 0.3, 0);
        ellipse(copy, new Point(center.x(), center.y() - eye.height() / 10), new Size((int) (eye.width() * 0.34),
          Math.max(1, eye.height() / 8)), 0, 10, 170, lash, Math.max(2, eye.height() / 14), 8, 0);
      }
      Rect soft = new Rect(eye.x(), eye.y(), eye.width(), eye.height());
      Mat region = new Mat(copy, soft);
      GaussianBlur(region, region, new Size(5, 5), 0);
    }
    return copy;
  }

  private static Rect byPosition(RectVector rects, int index) {
    List<Rect> all = new ArrayList<>();
    for (long i = 0; i < rects.size(); i++) {
      all.add(rects.get(i));
    }
    all.sort(Comparator.comparingInt(Rect::x));
    if (index >= all.size()) {
      throw new IllegalStateException("fixture photo has only " + all.size() + " faces");
    }
    return all.get(index);
  }

  private static Rect clip(Rect r, Mat image) {
    int x = Math.max(0, r.x());
    int y = Math.max(0, r.y());
    return new Rect(x, y, Math.min(image.cols(), r.x() + r.width()) - x, Math.min(image.rows(), r.y() + r.height()) - y);
  }

  static byte[] classpathBytes(String resource) {
    try (InputStream in = FaceFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not on the test classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] fileBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
