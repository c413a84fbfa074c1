package io.gatehouse.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the third-party npm clients pinned in {@code clients/} (installed with {@code npm ci} when missing). */
public final class NodeClients {

  private NodeClients() {
  }

  public record Run(int status, String stdout, String stderr) {
  }

  public static Path clientsDir() {
    String root = System.getProperty("gatehouse.test.root");
    Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("clients"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("clients/ not found above " + root);
    }
    return dir.resolve("clients");
  }

  /** Makes sure {@code clients/node_modules} is installed from the lock file. */
  public static synchronized Path installed() {
    Path clients = clientsDir();
    if (!Files.isDirectory(clients.resolve("node_modules").resolve("ws"))) {
      Run install = run(clients, 300, "npm", "ci", "--no-audit", "--no-fund");
      if (install.status() != 0) {
        throw new IllegalStateException("npm ci in clients/ failed: " + install.stderr());
      }
    }
    return clients;
  }

  public static Run run(Path dir, long timeoutSeconds, String... command) {
    return run(dir, timeoutSeconds, Map.of(), command);
  }

  /** With {@code environment} added to this process's (e.g. {@code NODE_EXTRA_CA_CERTS}). */
  public static Run run(Path dir, long timeoutSeconds, Map<String, String> environment, String... command) {
    try {
      Path out = Files.createTempFile("node-out", ".log");
      Path err = Files.createTempFile("node-err", ".log");
      ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile());
      builder.environment().putAll(environment);
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " timed out; stderr: " + Files.readString(err));
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
