package io.gatehouse.gateway.socketio;

import io.vertx.core.json.JsonObject;

/**
 * The {@code socketio} section of the node config, read once.
 *
 * @param pingIntervalMs      how often the server pings each session
 * @param pingTimeoutMs       how long a ping may go unanswered before the session is closed
 * @param maxPayload          largest polling body or WebSocket message accepted, in bytes (also advertised);
 *                            WebSocket messages are also capped by the server-wide {@code gateway.maxFrameBytes}
 * @param maxAttachments      most binary attachments one packet may announce (they are read and refused)
 * @param maxAcksInFlight     most unanswered acknowledgements per namespace socket
 * @param maxBufferedPackets  most packets queued for a polling client before it counts as gone
 * @param maxPacketsPerPost   most packets in one polling POST
 * @param connectTimeoutMs    how long a session may stay open without joining any namespace
 */
public record SocketIoOptions(long pingIntervalMs, long pingTimeoutMs, int maxPayload, int maxAttachments,
                              int maxAcksInFlight, int maxBufferedPackets, int maxPacketsPerPost,
                              long connectTimeoutMs) {

  public static final long DEFAULT_PING_INTERVAL_MS = 25_000;
  public static final long DEFAULT_PING_TIMEOUT_MS = 20_000;
  public static final int DEFAULT_MAX_PAYLOAD = 64 * 1024;
  public static final int DEFAULT_MAX_ATTACHMENTS = 10;
  public static final int DEFAULT_MAX_ACKS_IN_FLIGHT = 256;
  public static final int DEFAULT_MAX_BUFFERED_PACKETS = 10_000;
  public static final int DEFAULT_MAX_PACKETS_PER_POST = 1_000;
  /** As socket.io's {@code connectTimeout}. */
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 45_000;

  public SocketIoOptions {
    if (pingIntervalMs < 1 || pingTimeoutMs < 1 || maxPayload < 64 || maxAttachments < 0 || maxAcksInFlight < 1
      || maxBufferedPackets < 1 || maxPacketsPerPost < 1 || connectTimeoutMs < 1) {
      throw new IllegalArgumentException("invalid socketio options: " + this);
    }
  }

  public static SocketIoOptions from(JsonObject config) {
    JsonObject section = config.getJsonObject("socketio", new JsonObject());
    return new SocketIoOptions(
      section.getLong("pingIntervalMs", DEFAULT_PING_INTERVAL_MS),
      section.getLong("pingTimeoutMs", DEFAULT_PING_TIMEOUT_MS),
      section.getInteger("maxPayload", DEFAULT_MAX_PAYLOAD),
      section.getInteger("maxAttachments", DEFAULT_MAX_ATTACHMENTS),
      section.getInteger("maxAcksInFlight", DEFAULT_MAX_ACKS_IN_FLIGHT),
      section.getInteger("maxBufferedPackets", DEFAULT_MAX_BUFFERED_PACKETS),
      section.getInteger("maxPacketsPerPost", DEFAULT_MAX_PACKETS_PER_POST),
      section.getLong("connectTimeoutMs", DEFAULT_CONNECT_TIMEOUT_MS));
  }

  /** The JSON of the Engine.IO open packet. */
  public JsonObject handshake(String sid, boolean canUpgrade) {
    return new JsonObject().put("sid", sid)
      .put("upgrades", canUpgrade ? new io.vertx.core.json.JsonArray().add("websocket") : new io.vertx.core.json.JsonArray())
      .put("pingInterval", pingIntervalMs).put("pingTimeout", pingTimeoutMs).put("maxPayload", maxPayload);
  }
}
