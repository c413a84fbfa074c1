package io.gatehouse.gateway;

import io.vertx.core.json.JsonObject;

/** The {@code gateway} section of the node config, read once. */
public record GatewayOptions(String host, int port, int maxBodyBytes, long requestTimeoutMs, int defaultPageSize,
                             int maxPageSize, boolean webSocketCompression, boolean coalesceWrites,
                             long userCheckSeconds, int failedLoginsPerAddress, long loginWindowSeconds,
                             long attemptTimeoutMs) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8088;
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
  /**
   * How long one attempt of a request that may be repeated (catch-up, log reads, acks) waits before it is
   * sent to the next instance: well under the cluster's failure detection ({@code cluster.xml}), so a
   * stream never waits for a dead node to be declared dead.
   */
  public static final long DEFAULT_ATTEMPT_TIMEOUT_MS = 1_500;
  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int DEFAULT_MAX_PAGE_SIZE = 500;
  /**
   * Off, as in Engine.IO and most real-time servers: deflating every small frame costs more CPU on both
   * ends than it saves on loopback or LAN, and the {@code ws} client serialises inflation across sockets.
   */
  public static final boolean DEFAULT_WEBSOCKET_COMPRESSION = false;
  /**
   * On: the WebSocket frames one event-loop pass writes to a socket leave in one system call (see
   * {@link WriteCoalescing}). A chat message then costs the gateway three socket writes instead of four.
   */
  public static final boolean DEFAULT_COALESCE_WRITES = true;

  /** How often the users connected to a gateway are checked to still exist (0 = only when they connect). */
  public static final long DEFAULT_USER_CHECK_SECONDS = 60;

  /** Failed logins from one client address within the login window before {@code /login} answers 429. */
  public static final int DEFAULT_FAILED_LOGINS_PER_ADDRESS = 30;
  public static final long DEFAULT_LOGIN_WINDOW_SECONDS = 300;

  public static GatewayOptions from(JsonObject config) {
    JsonObject gateway = config.getJsonObject("gateway", new JsonObject());
    return new GatewayOptions(
      gateway.getString("host", DEFAULT_HOST),
      gateway.getInteger("port", DEFAULT_PORT),
      gateway.getInteger("maxBodyBytes", DEFAULT_MAX_BODY_BYTES),
      gateway.getLong("requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS),
      gateway.getInteger("defaultPageSize", DEFAULT_PAGE_SIZE),
      gateway.getInteger("maxPageSize", DEFAULT_MAX_PAGE_SIZE),
      gateway.getBoolean("webSocketCompression", DEFAULT_WEBSOCKET_COMPRESSION),
      gateway.getBoolean("coalesceWrites", DEFAULT_COALESCE_WRITES),
      gateway.getLong("userCheckSeconds", DEFAULT_USER_CHECK_SECONDS),
      gateway.getInteger("failedLoginsPerAddress", DEFAULT_FAILED_LOGINS_PER_ADDRESS),
      gateway.getLong("loginWindowSeconds", DEFAULT_LOGIN_WINDOW_SECONDS),
      gateway.getLong("attemptTimeoutMs", DEFAULT_ATTEMPT_TIMEOUT_MS));
  }
}
