package io.gatehouse.gateway.face;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** A blocking seed-002 socket client that keeps the 100 ms frame spacing the seed asks of clients. */
public final class FaceClient implements AutoCloseable {

  private static final Set<String> REPLIES = Set.of("frame_processed", "error", "enrollment_complete",
    "authentication_complete");
  private static final long SPACING_MS = 120;

  final ActionClient socket;
  private long lastFrame;

  private FaceClient(ActionClient socket) {
    this.socket = socket;
  }

  /** Connects to the {@code websocket_url} of a session reply (its path, on the fixture's port). */
  public static FaceClient open(GatewayFixture gatehouse, JsonObject session) {
    return openPath(gatehouse, URI.create(session.getString("websocket_url")).getPath());
  }

  static FaceClient openPath(GatewayFixture gatehouse, String path) {
    return new FaceClient(ActionClient.connect(gatehouse.vertx, gatehouse.port, path));
  }

  /** Plays frames on a new socket until the session finishes; returns the last reply and the close code. */
  static JsonObject play(GatewayFixture gatehouse, JsonObject session, List<byte[]> frames, short[] closeCode) {
    try (FaceClient client = open(gatehouse, session)) {
      client.expectType("connection_established");
      JsonObject last = null;
      for (byte[] frame : frames) {
        last = client.frame(frame);
        if (last.getString("type").endsWith("_complete") || last.getInteger("code", 0) == 4403) {
          break;
        }
      }
      closeCode[0] = client.awaitClose();
      return last;
    }
  }

  public JsonObject expectType(String type) {
    return socket.expect(json -> type.equals(json.getString("type")), Duration.ofSeconds(20));
  }

  /** Sends one frame as a data URL, spaced from the previous one, and returns the server's answer to it. */
  public JsonObject frame(byte[] jpeg) {
    sendRaw("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
    return reply();
  }

  void sendRaw(String image) {
    pace();
    socket.send(new JsonObject().put("type", "frame").put("image", image));
  }

  /** The next answer to a frame; spacing restarts from here, as the server received the frame by now. */
  JsonObject reply() {
    JsonObject reply = socket.expect(json -> REPLIES.contains(json.getString("type")), Duration.ofSeconds(20));
    lastFrame = System.currentTimeMillis();
    return reply;
  }

  private void pace() {
    long wait = lastFrame + SPACING_MS - System.currentTimeMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lastFrame = System.currentTimeMillis();
  }

  public short awaitClose() {
    return socket.awaitClose(Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    socket.close();
  }
}
