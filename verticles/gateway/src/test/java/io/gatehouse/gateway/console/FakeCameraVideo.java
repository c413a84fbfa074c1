package io.gatehouse.gateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code .y4m} video for Chromium's fake camera ({@code --use-file-for-fake-video-capture}), made with Debian's
 * ffmpeg from JPEG frames: each frame is shown for one second, and Chromium plays the video in a loop.
 */
public final class FakeCameraVideo {

  private static final int FRAMES_PER_SECOND = 5;

  private FakeCameraVideo() {
  }

  public static Path write(String name, List<byte[]> jpegFrames) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fake-camera", name).toAbsolutePath());
      for (int i = 0; i < jpegFrames.size(); i++) {
        Files.write(dir.resolve(String.format("frame%03d.jpg", i)), jpegFrames.get(i));
      }
      Path video = dir.resolve(name + ".y4m");
      Process ffmpeg = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-framerate", "1",
        "-i", dir.resolve("frame%03d.jpg").toString(), "-r", String.valueOf(FRAMES_PER_SECOND),
        "-pix_fmt", "yuv420p", "-f", "yuv4mpegpipe", video.toString())
        .redirectErrorStream(true).start();
      String output = new String(ffmpeg.getInputStream().readAllBytes());
      if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0 || !Files.isRegularFile(video)) {
        throw new IllegalStateException("ffmpeg could not make " + video + ": " + output);
      }
      return video;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
