package io.gatehouse.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real launcher in a child JVM, as {@code java -jar gatehouse.jar ...} would run it. */
final class NodeProcess implements AutoCloseable {

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private NodeProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static NodeProcess start(Path workDir, String... args) {
    return startWith(List.of(), workDir, Map.of(), args);
  }

  /** As {@link #start(Path, String...)} with extra environment variables for the child. */
  static NodeProcess start(Path workDir, Map<String, String> env, String... args) {
    return startWith(List.of(), workDir, env, args);
  }

  /** Like {@link #start}, with a command prefix (such as {@code ip netns exec NAME}). */
  static NodeProcess startWith(List<String> prefix, Path workDir, Map<String, String> env, String... args) {
    try {
      Files.createDirectories(workDir);
      List<String> command = new ArrayList<>(prefix);
      command.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), GatehouseLauncher.class.getName()));
      command.addAll(List.of(args));
      Path out = Files.createTempFile(workDir, "stdout", ".log");
      Path err = Files.createTempFile(workDir, "stderr", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      return new NodeProcess(process, out, err);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the log says the node is ready; fails with the log if it exits or times out first. */
  NodeProcess awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (log().contains("Gatehouse ready")) {
        return this;
      }
      if (!process.isAlive()) {
        throw new AssertionError("node exited with " + process.exitValue() + ":\n" + log());
      }
      sleep(200);
    }
    throw new AssertionError("node not ready after " + timeout + ":\n" + log());
  }

  /** Waits for the process to exit and returns its exit code. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("node did not exit within " + timeout + ":\n" + log());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL: the process dies at once, without leaving the cluster. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, as a service manager would send. */
  int terminate(Duration timeout) {
    process.destroy();
    return awaitExit(timeout);
  }

  String stdout() {
    return read(stdout);
  }

  String log() {
    return read(stderr) + read(stdout);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
