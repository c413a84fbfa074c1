package io.gatehouse.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A role a node can play: one verticle, deployed by class name so the launcher stays decoupled. */
public enum Role {
  USER_AUTH("user-auth", "io.gatehouse.auth.UserAuthVerticle", true),
  TOPIC_ROUTING("topic-routing", "io.gatehouse.routing.TopicRoutingVerticle", true),
  PENDING_DELIVERY("pending-delivery", "io.gatehouse.pending.PendingDeliveryVerticle", true),
  FACE_PROCESSING("face-processing", "io.gatehouse.face.FaceProcessingVerticle", true),
  EKYC_VERIFICATION("ekyc-verification", "io.gatehouse.ekyc.EkycVerificationVerticle", true),
  STOMP_BRIDGE("stomp-bridge", "io.gatehouse.stomp.StompBridgeVerticle", false),
  GATEWAY("gateway", "io.gatehouse.gateway.GatewayVerticle", false);

  private final String roleName;
  private final String verticleClass;
  private final boolean needsDatabase;

  Role(String roleName, String verticleClass, boolean needsDatabase) {
    this.roleName = roleName;
    this.verticleClass = verticleClass;
    this.needsDatabase = needsDatabase;
  }

  public String roleName() {
    return roleName;
  }

  public String verticleClass() {
    return verticleClass;
  }

  public boolean needsDatabase() {
    return needsDatabase;
  }

  /** Roles named in config, in deployment order (services before the gateway); {@code all} means every role. */
  public static List<Role> parse(List<String> names) {
    if (names.stream().anyMatch("all"::equalsIgnoreCase)) {
      return List.of(values());
    }
    List<Role> roles = new ArrayList<>();
    for (Role role : values()) {
      if (names.stream().anyMatch(name -> name.trim().equalsIgnoreCase(role.roleName))) {
        roles.add(role);
      }
    }
    List<String> unknown = names.stream()
      .filter(name -> Arrays.stream(values()).noneMatch(role -> role.roleName.equalsIgnoreCase(name.trim())))
      .toList();
    if (!unknown.isEmpty()) {
      throw new NodeConfig.ConfigException("unknown role(s) " + unknown + "; known: all, "
        + Arrays.stream(values()).map(Role::roleName).toList());
    }
    return roles;
  }

  /** The role whose verticle has this class name, if any. */
  public static Optional<Role> ofVerticle(String className) {
    String name = className.startsWith("java:") ? className.substring(5) : className;
    return Arrays.stream(values()).filter(role -> role.verticleClass.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return roleName.toLowerCase(Locale.ROOT);
  }
}
