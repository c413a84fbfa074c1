package io.gatehouse.contract.edge;

import io.vertx.core.json.JsonObject;

/**
 * The {@code edge} section of the node config: what every listener of a node (gateway, STOMP over WebSocket
 * and TCP, the TCP event-bus bridge) enforces before any protocol runs. {@code headerTimeoutMs}: time an HTTP
 * connection has to deliver a complete request head, counted from the connection or from the end of the
 * previous response (so an idle keep-alive connection is closed after it too); {@code bodyTimeoutMs}: time a
 * request body has to arrive completely after its head; {@code idleTimeoutMs}: a connection from which
 * nothing has been read for this long is closed (every protocol's own heart-beat keeps a live client well
 * within it); {@code maxConnectionsPerAddress}: open connections from one client address to this node, all
 * listeners together; {@code maxConnections}: open connections to this node in all, 0 = the process's
 * open-file limit less {@value #RESERVED_FILE_DESCRIPTORS} kept for the database, the cluster and files.
 */
public record EdgeOptions(long headerTimeoutMs, long bodyTimeoutMs, long idleTimeoutMs, int maxConnectionsPerAddress,
                          int maxConnections, TlsOptions tls) {

  public static final long DEFAULT_HEADER_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_BODY_TIMEOUT_MS = 30_000;
  /** Beyond every protocol's own idle rule (face sessions expire after 5 min without frames). */
  public static final long DEFAULT_IDLE_TIMEOUT_MS = 600_000;
  public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 2_000;
  public static final int DEFAULT_MAX_CONNECTIONS = 0;
  public static final int RESERVED_FILE_DESCRIPTORS = 1_024;

  public EdgeOptions {
    if (headerTimeoutMs <= 0 || bodyTimeoutMs <= 0 || idleTimeoutMs <= 0) {
      throw new IllegalArgumentException("edge timeouts must be positive");
    }
    if (maxConnectionsPerAddress <= 0 || maxConnections < 0) {
      throw new IllegalArgumentException("edge.maxConnectionsPerAddress must be positive and edge.maxConnections"
        + " 0 (automatic) or more");
    }
  }

  public static EdgeOptions from(JsonObject nodeConfig) {
    JsonObject edge = nodeConfig.getJsonObject("edge", new JsonObject());
    return new EdgeOptions(
      edge.getLong("headerTimeoutMs", DEFAULT_HEADER_TIMEOUT_MS),
      edge.getLong("bodyTimeoutMs", DEFAULT_BODY_TIMEOUT_MS),
      edge.getLong("idleTimeoutMs", DEFAULT_IDLE_TIMEOUT_MS),
      edge.getInteger("maxConnectionsPerAddress", DEFAULT_MAX_CONNECTIONS_PER_ADDRESS),
      edge.getInteger("maxConnections", DEFAULT_MAX_CONNECTIONS),
      TlsOptions.from(edge.getJsonObject("tls", new JsonObject())));
  }

  /** {@code maxConnections}, or when it is 0, what the process's open-file limit leaves (at least 1 024). */
  public int connectionBound(long openFileLimit) {
    if (maxConnections > 0) {
      return maxConnections;
    }
    if (openFileLimit <= 0) {
      return 10_000;
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.max(RESERVED_FILE_DESCRIPTORS, openFileLimit - RESERVED_FILE_DESCRIPTORS));
  }
}
