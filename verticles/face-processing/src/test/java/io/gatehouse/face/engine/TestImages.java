package io.gatehouse.face.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the face-api sample photos are: {@code clients/node_modules/@vladmandic/face-api/demo}. */
public final class TestImages {

  private TestImages() {
  }

  public static Path faceApiDemo() {
    String override = System.getProperty("face.samples");
    if (override != null) {
      return Path.of(override);
    }
    String root = System.getProperty("gatehouse.test.root");
    Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("clients"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("clients/ not found");
    }
    Path demo = dir.resolve("clients/node_modules/@vladmandic/face-api/demo");
    if (!Files.isDirectory(demo)) {
      throw new IllegalStateException(demo + " missing: run npm ci in clients/ (scripts/test does)");
    }
    return demo;
  }
}
