package io.gatehouse.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;

/**
 * Every role a node can play, with the address on which each running instance answers a health probe.
 * Health reports are built from this one list, so a role cannot be left out of them. A service owns data
 * and answers requests; an edge holds client sockets and needs the services.
 */
public enum ServiceRole {
  USER_AUTH("user-auth", "io.gatehouse.auth.UserAuthVerticle", Addresses.Auth.HEALTH, true),
  TOPIC_ROUTING("topic-routing", "io.gatehouse.routing.TopicRoutingVerticle", Addresses.Routing.HEALTH, true),
  PENDING_DELIVERY("pending-delivery", "io.gatehouse.pending.PendingDeliveryVerticle", Addresses.Pending.HEALTH, true),
  FACE_PROCESSING("face-processing", "io.gatehouse.face.FaceProcessingVerticle", Addresses.Face.HEALTH, true),
  EKYC_VERIFICATION("ekyc-verification", "io.gatehouse.ekyc.EkycVerificationVerticle", Addresses.Ekyc.HEALTH, true),
  STOMP_BRIDGE("stomp-bridge", "io.gatehouse.stomp.StompBridgeVerticle", Addresses.Stomp.HEALTH, false),
  GATEWAY("gateway", "io.gatehouse.gateway.GatewayVerticle", Addresses.Gateway.HEALTH, false);

  private final String roleName;
  private final String verticleClass;
  private final String healthAddress;
  private final boolean service;

  ServiceRole(String roleName, String verticleClass, String healthAddress, boolean service) {
    this.roleName = roleName;
    this.verticleClass = verticleClass;
    this.healthAddress = healthAddress;
    this.service = service;
  }

  public String roleName() {
    return roleName;
  }

  public String verticleClass() {
    return verticleClass;
  }

  public String healthAddress() {
    return healthAddress;
  }

  public boolean isService() {
    return service;
  }

  /** The roles of {@code node.roles} in a node config ({@code all}, or absent, means every role); unknown names are skipped. */
  public static List<ServiceRole> configured(JsonObject config) {
    JsonArray names = config.getJsonObject("node", new JsonObject()).getJsonArray("roles", new JsonArray().add("all"));
    if (names.stream().anyMatch(name -> "all".equalsIgnoreCase(String.valueOf(name).trim()))) {
      return List.of(values());
    }
    return Arrays.stream(values())
      .filter(role -> names.stream().anyMatch(name -> role.roleName.equalsIgnoreCase(String.valueOf(name).trim())))
      .toList();
  }
}
