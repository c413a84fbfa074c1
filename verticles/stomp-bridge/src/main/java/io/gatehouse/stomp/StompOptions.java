package io.gatehouse.stomp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The {@code stomp} section of the node config, read once with defaults. A port of -1 disables that
 * listener. {@code maxHeaderBytes} bounds a frame's command and header lines together; {@code maxBodyBytes}
 * its body; {@code connectTimeoutMs} how long a connection may stay without a complete CONNECT;
 * {@code catchUpBatch} how many deliveries one read of a topic's log returns; {@code allowedOrigins} the
 * browser Origins allowed on the WebSocket listener besides its own host ({@code *}: any);
 * {@code maxConnectionsPerIp} open connections per client address, WebSocket and TCP together;
 * {@code maxFramesInFlight} unfinished frames of a connection before its socket is no longer read, and the most
 * SENDs it hands to topic-routing in one batch;
 * {@code maxTransactionFrames} frames one transaction may hold; {@code webSocketCompression} is
 * {@code gateway.webSocketCompression} (permessage-deflate on the STOMP WebSocket listener too);
 * {@code userCheckSeconds} is {@code gateway.userCheckSeconds} (how often connected users are checked to exist);
 * {@code attemptTimeoutMs} one attempt of a repeatable service request before the next instance is asked.
 */
public record StompOptions(String host, int webSocketPort, String slotPath, String topicPath, int tcpPort,
                           int maxHeaderBytes, int maxHeaders, int maxBodyBytes, int maxFramesInFlight,
                           long heartbeatMs, long connectTimeoutMs, long requestTimeoutMs, int catchUpBatch,
                           List<String> allowedOrigins, int maxConnectionsPerIp, int maxTransactionFrames,
                           boolean webSocketCompression, long userCheckSeconds,
                           long attemptTimeoutMs) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_WEBSOCKET_PORT = 8089;
  public static final String DEFAULT_SLOT_PATH = "/v1/signup/ws";
  public static final String DEFAULT_TOPIC_PATH = "/stomp";
  public static final int DEFAULT_TCP_PORT = 61613;
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  public static final int DEFAULT_MAX_HEADERS = 32;
  /** Room for a few base64 frames of {@code ekyc.maxFrameBytes}. */
  public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_FRAMES_IN_FLIGHT = 32;
  public static final long DEFAULT_HEARTBEAT_MS = 10_000;
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
  public static final int DEFAULT_CATCH_UP_BATCH = 500;
  public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 1_000;
  public static final int DEFAULT_MAX_TRANSACTION_FRAMES = 1_000;
  /** One attempt of a repeatable request (catch-up, log reads, acks) before the next instance is asked. */
  public static final long DEFAULT_ATTEMPT_TIMEOUT_MS = 1_500;

  public StompOptions {
    if (maxHeaderBytes <= 0 || maxHeaders <= 0 || maxBodyBytes <= 0 || maxFramesInFlight <= 0
      || heartbeatMs < 0 || connectTimeoutMs <= 0 || requestTimeoutMs <= 0 || catchUpBatch <= 0
      || maxConnectionsPerIp <= 0 || maxTransactionFrames <= 0
      || attemptTimeoutMs <= 0) {
      throw new IllegalArgumentException("stomp limits must be positive");
    }
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  public static StompOptions from(JsonObject nodeConfig) {
    JsonObject stomp = nodeConfig.getJsonObject("stomp", new JsonObject());
    return new StompOptions(
      stomp.getString("host", DEFAULT_HOST),
      stomp.getInteger("webSocketPort", DEFAULT_WEBSOCKET_PORT),
      stomp.getString("slotPath", DEFAULT_SLOT_PATH),
      stomp.getString("topicPath", DEFAULT_TOPIC_PATH),
      stomp.getInteger("tcpPort", DEFAULT_TCP_PORT),
      stomp.getInteger("maxHeaderBytes", DEFAULT_MAX_HEADER_BYTES),
      stomp.getInteger("maxHeaders", DEFAULT_MAX_HEADERS),
      stomp.getInteger("maxBodyBytes", DEFAULT_MAX_BODY_BYTES),
      stomp.getInteger("maxFramesInFlight", DEFAULT_MAX_FRAMES_IN_FLIGHT),
      stomp.getLong("heartbeatMs", DEFAULT_HEARTBEAT_MS),
      stomp.getLong("connectTimeoutMs", DEFAULT_CONNECT_TIMEOUT_MS),
      stomp.getLong("requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS),
      stomp.getInteger("catchUpBatch", DEFAULT_CATCH_UP_BATCH),
      stomp.getJsonArray("allowedOrigins", new JsonArray()).stream().map(String::valueOf).toList(),
      stomp.getInteger("maxConnectionsPerIp", DEFAULT_MAX_CONNECTIONS_PER_IP),
      stomp.getInteger("maxTransactionFrames", DEFAULT_MAX_TRANSACTION_FRAMES),
      // one switch for every WebSocket listener of the node: the gateway's
      nodeConfig.getJsonObject("gateway", new JsonObject()).getBoolean("webSocketCompression", false),
      nodeConfig.getJsonObject("gateway", new JsonObject()).getLong("userCheckSeconds", 60L),
      stomp.getLong("attemptTimeoutMs", DEFAULT_ATTEMPT_TIMEOUT_MS));

  }
}
