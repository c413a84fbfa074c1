package io.gatehouse.gateway.console;

import io.vertx.core.json.JsonObject;

/**
 * What the console page needs to know of the node config: where the STOMP WebSocket listener is (same host,
 * {@code stomp.webSocketPort}, {@code stomp.slotPath}) and {@code signup.devFixedOtp}, shown on the page in
 * development only (null otherwise).
 */
public record ConsoleSettings(int stompPort, String stompSlotPath, String devOtp) {

  public static final int DEFAULT_STOMP_PORT = 8089;
  public static final String DEFAULT_SLOT_PATH = "/v1/signup/ws";

  public static ConsoleSettings from(JsonObject nodeConfig) {
    JsonObject stomp = nodeConfig.getJsonObject("stomp", new JsonObject());
    JsonObject signup = nodeConfig.getJsonObject("signup", new JsonObject());
    return new ConsoleSettings(stomp.getInteger("webSocketPort", DEFAULT_STOMP_PORT),
      stomp.getString("slotPath", DEFAULT_SLOT_PATH), signup.getString("devFixedOtp"));
  }
}
