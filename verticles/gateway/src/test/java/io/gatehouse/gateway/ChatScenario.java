package io.gatehouse.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A chat scenario played by the real npm {@code socket.io-client} ({@code clients/chat-scenario.mjs});
 * {@code clients/node_modules} is installed with {@code npm ci} when missing.
 */
public final class ChatScenario {

  private final JsonObject scenario;
  private final JsonArray steps = new JsonArray();

  public ChatScenario(String url) {
    this.scenario = new JsonObject().put("url", url).put("steps", steps);
  }

  public record Outcome(int status, List<JsonObject> lines, String stderr) {
    public boolean passed() {
      return status == 0;
    }

    @Override
    public String toString() {
      return "exit " + status + "\n" + String.join("\n", lines.stream().map(JsonObject::encode).toList()) + "\n" + stderr;
    }
  }

  public ChatScenario step(JsonObject step) {
    steps.add(step);
    return this;
  }

  /** Connects {@code name} with a token in the CONNECT auth payload; {@code transports} null for the defaults. */
  public ChatScenario connect(String name, String token, JsonArray transports) {
    JsonObject step = new JsonObject().put("connect", name).put("token", token);
    return step(transports == null ? step : step.put("transports", transports));
  }

  public ChatScenario emit(String name, String event, JsonObject arg, JsonObject ackMatch, String save) {
    return step(new JsonObject().put("emit", name).put("event", event).put("arg", arg).put("ack", true)
      .put("match", ackMatch).put("save", save));
  }

  public ChatScenario expect(String name, String event, JsonObject match) {
    return step(new JsonObject().put("expect", name).put("event", event).put("match", match));
  }

  public Outcome play() {
    Path clients = installed();
    try {
      Path file = Files.createTempFile("chat-scenario", ".json");
      Files.writeString(file, scenario.encodePrettily());
      Path out = Files.createTempFile("chat-out", ".log");
      Path err = Files.createTempFile("chat-err", ".log");
      ProcessBuilder builder = new ProcessBuilder("node", "chat-scenario.mjs", file.toString()).directory(clients.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
      String debug = System.getProperty("chat.debug");
      if (debug != null) {
        builder.environment().put("DEBUG", debug); // the client libraries' own tracing, e.g. engine.io-client:*
      }
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("chat scenario timed out: " + Files.readString(out));
      }
      List<JsonObject> lines = Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
        .map(JsonObject::new).toList();
      return new Outcome(process.exitValue(), lines, Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code clients/} above the working directory, with its node_modules installed from the lock file. */
  public static synchronized Path installed() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("clients"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("clients/ not found");
    }
    Path clients = dir.resolve("clients");
    if (!Files.isDirectory(clients.resolve("node_modules").resolve("socket.io-client"))) {
      try {
        Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(clients.toFile())
          .inheritIO().start();
        if (!install.waitFor(300, TimeUnit.SECONDS) || install.exitValue() != 0) {
          throw new IllegalStateException("npm ci in clients/ failed");
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return clients;
  }
}
