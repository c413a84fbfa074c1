package io.gatehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's node side for bench tests: its root, {@code clients/} with its npm packages, and node runs. */
public final class NodeProject {

  private NodeProject() {
  }

  /** A finished command: exit status and what it printed. */
  public record Run(int status, String stdout, String stderr) {
  }

  /** The project root: the first directory holding clients/package.json, from gatehouse.test.root or here. */
  public static Path root() {
    String configured = System.getProperty("gatehouse.test.root");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("clients").resolve("package.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no clients/package.json above " + start);
  }

  public static boolean nodeInstalled() {
    try {
      return run(List.of("node", "--version"), Path.of("."), 30).status() == 0;
    } catch (IOException | InterruptedException | IllegalStateException e) {
      return false;
    }
  }

  /** clients/, after {@code npm ci} there when {@code module} is not installed yet. */
  public static Path clientsWith(String module) throws IOException, InterruptedException {
    Path clients = root().resolve("clients");
    if (!Files.isDirectory(clients.resolve("node_modules").resolve(module))) {
      Run install = run(List.of("npm", "ci"), clients, 300);
      assertThat(install.status()).as("npm ci in clients/: %s", install.stderr()).isZero();
    }
    return clients;
  }

  public static Run run(List<String> command, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("node-run", ".out");
    Path stderr = Files.createTempFile("node-run", ".err");
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
      }
      return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
