package io.gatehouse.stomp;

import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs clients/ekyc_stomp_client.py (Debian python3-websocket) and collects the frames it printed. */
final class PythonStompClient {

  static final String PYTHON = "/usr/bin/python3";

  record Run(int status, List<JsonObject> lines, String stderr) {
    List<JsonObject> frames(String command) {
      return lines.stream().filter(line -> command.equals(line.getString("command"))).toList();
    }

    /** The JSON bodies of the MESSAGE frames, in order. */
    List<JsonObject> messages() {
      return frames("MESSAGE").stream().map(frame -> new JsonObject(frame.getString("body"))).toList();
    }

    @Override
    public String toString() {
      return "exit " + status + "\n" + lines + "\n" + stderr;
    }
  }

  private PythonStompClient() {
  }

  static Run run(int port, String slotId, String cookieHeader, JsonArray sends, String until) {
    return runWithClose(port, slotId, cookieHeader, sends, until, 1000, 20);
  }

  /** Like {@link #run}, closing with {@code closeCode} once {@code until} is announced or after {@code seconds}. */
  static Run runWithClose(int port, String slotId, String cookieHeader, JsonArray sends, String until, int closeCode,
                          int seconds) {
    return run(port, slotId, cookieHeader, new JsonObject().put("sends", sends).put("until", until)
      .put("timeout", seconds).put("closeCode", closeCode));
  }

  /** Sends everything, then closes with 1000 once {@code count} MESSAGE frames have arrived (exit 0). */
  static Run runForMessages(int port, String slotId, String cookieHeader, JsonArray sends, int count) {
    return run(port, slotId, cookieHeader, new JsonObject().put("sends", sends).put("until", "NEVER")
      .put("messages", count).put("timeout", 60).put("closeCode", 1000));
  }

  private static Run run(int port, String slotId, String cookieHeader, JsonObject scriptJson) {
    try {
      Path script = Files.createTempFile("ekyc-script", ".json");
      Files.writeString(script, scriptJson.encode());
      NodeClients.Run run = NodeClients.run(NodeClients.clientsDir(), 90, PYTHON, "ekyc_stomp_client.py",
        "ws://127.0.0.1:" + port + "/v1/signup/ws", slotId, cookieHeader, script.toString());
      List<JsonObject> lines = run.stdout().lines().filter(line -> line.startsWith("{")).map(JsonObject::new).toList();
      return new Run(run.status(), lines, run.stderr());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A process-frame body as the seed's README writes it. */
  static JsonObject step(String slotId, String stepCode, Object order, String frame) {
    return new JsonObject().put("slotId", slotId).put("stepCode", stepCode)
      .put("frames", new JsonArray().add(new JsonObject().put("frame", frame).put("order", order)));
  }
}
