package io.gatehouse.auth;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.persistence.DatabaseOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Deploys the verticle the way a node does (whole node config) and talks to it over the bus. */
final class AuthFixture {

  /** Cheap Argon2 so tests stay quick; production defaults are exercised by PasswordHasherTest. */
  static final JsonObject FAST_ARGON2 = new JsonObject().put("memoryKib", 1024).put("iterations", 1).put("parallelism", 1);

  private AuthFixture() {
  }

  static JsonObject nodeConfig(DatabaseOptions database, Path keyDir) {
    return new JsonObject()
      .put("node", new JsonObject().put("dataDir", keyDir.getParent().toString()))
      .put("auth", new JsonObject().put("keyDir", keyDir.toString()).put("argon2", FAST_ARGON2.copy()))
      .put("database", database.toJson());
  }

  static Future<String> deploy(Vertx vertx, JsonObject nodeConfig) {
    return vertx.deployVerticle(new UserAuthVerticle(), new DeploymentOptions().setConfig(nodeConfig));
  }

  static <T> Future<T> request(Vertx vertx, String address, Object body) {
    return vertx.eventBus().<T>request(address, body).map(Message::body);
  }

  /** Waits for all of {@code futures}, whether they succeed or fail, and hands them back in order. */
  static Future<List<Future<?>>> settled(List<? extends Future<?>> futures) {
    List<Future<?>> all = List.copyOf(futures);
    return Future.join(all).transform(done -> Future.succeededFuture(all));
  }

  static void assertRefused(Throwable failure, FailureCode code, String reason) {
    assertThat(ServiceFailure.codeOf(failure)).as("failure code").isEqualTo(code);
    assertThat(ServiceFailure.reasonOf(failure)).as("reason").isEqualTo(reason);
  }

  static String base64Url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  static JsonObject payloadOf(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }
}
