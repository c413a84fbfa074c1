package io.gatehouse.gateway.console;

import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs a console scenario of {@code clients/console/} in headless Chromium (Debian's {@code /usr/bin/chromium},
 * driven by npm puppeteer-core) and returns what it reported. A scenario fails on any JavaScript error or console
 * error of its pages. Screenshots go to {@code target/console-screenshots/}.
 */
public final class ConsoleBrowser {

  public static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();

  private ConsoleBrowser() {
  }

  public record Outcome(int status, JsonObject report, String stderr) {

    public boolean ok() {
      return status == 0 && report.getBoolean("ok", false);
    }

    @Override
    public String toString() {
      return "exit " + status + ": " + report.encodePrettily() + "\nstderr: " + stderr;
    }
  }

  public static boolean chromiumInstalled() {
    return Files.isExecutable(Path.of("/usr/bin/chromium"));
  }

  /** {@code input} is handed to the scenario; {@code screenshots} is added to it. */
  public static Outcome run(String scenario, JsonObject input, long timeoutSeconds) {
    Path clients = NodeClients.installed();
    JsonObject args = input.copy().put("screenshots", SCREENSHOTS.toString());
    NodeClients.Run run = NodeClients.run(clients, timeoutSeconds, "node", "console/" + scenario + ".mjs",
      args.encode());
    String[] lines = run.stdout().strip().split("\n");
    String last = lines.length == 0 ? "" : lines[lines.length - 1];
    JsonObject report;
    try {
      report = new JsonObject(last);
    } catch (RuntimeException e) {
      report = new JsonObject().put("ok", false).put("stdout", Arrays.toString(lines));
    }
    return new Outcome(run.status(), report, run.stderr());
  }
}
