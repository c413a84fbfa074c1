package io.gatehouse.face.polyglot;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Config for tests that run the polyglot engine for real: worker processes from {@code verticles/face-engine-node}
 * (its packages installed by {@code npm ci}, which scripts/test does), a free bridge port, a fresh key directory.
 */
public final class EngineTestKit {

  private EngineTestKit() {
  }

  /**
   * The {@code face} section: polyglot engine with {@code workers} local worker processes. Waits are generous
   * (a frame may take seconds on a loaded machine); tests of timeouts set their own.
   */
  public static JsonObject faceSection(int workers) {
    return new JsonObject().put("engineType", "polyglot").put("engineWorkers", workers).put("bridgePort", 0)
      .put("engineDir", workerDir().toString()).put("keyDir", tempDir("face-keys").toString())
      .put("engineTimeoutMs", 30_000).put("frameTimeoutMs", 90_000);
  }

  /** The engine secret a node created in the key directory of {@code faceSection}. */
  public static String secret(JsonObject faceSection) {
    try {
      return Files.readString(Path.of(faceSection.getString("keyDir"), EngineSecret.FILE)).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path workerDir() {
    Path dir = projectRoot().resolve("verticles/face-engine-node");
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      throw new IllegalStateException(dir + "/node_modules missing: run npm ci there (scripts/test does)");
    }
    return dir;
  }

  /** {@code ../shared/face-dev-set} beside the project root: labelled photos for calibration. */
  public static Path devSet() {
    Path dir = projectRoot().resolveSibling("shared").resolve("face-dev-set");
    if (!Files.isRegularFile(dir.resolve("pairs.csv"))) {
      throw new IllegalStateException(dir + " missing: the face development set lies beside the project");
    }
    return dir;
  }

  public static Path projectRoot() {
    String root = System.getProperty("gatehouse.test.root");
    Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("verticles/face-engine-node"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("project root (with verticles/face-engine-node) not found");
    }
    return dir;
  }

  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
