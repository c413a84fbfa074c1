package io.gatehouse.gateway;

import io.gatehouse.contract.ServiceRole;
import io.gatehouse.operations.MetricsSetup;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** One Vert.x with every service and a gateway on a fresh database: the single-node product, in process. */
public final class GatewayFixture implements AutoCloseable {

  public final Vertx vertx;
  public final int port;
  public final HttpProbe http;
  public final JsonObject config;
  private final String pendingDeployment;
  private final String faceDeployment;

  private GatewayFixture(Vertx vertx, int port, JsonObject config, String pendingDeployment, String faceDeployment) {
    this.faceDeployment = faceDeployment;
    this.vertx = vertx;
    this.port = port;
    this.config = config;
    this.pendingDeployment = pendingDeployment;
    JsonObject tls = config.getJsonObject("edge", new JsonObject()).getJsonObject("tls", new JsonObject());
    this.http = new HttpProbe(vertx, port, tls.getBoolean("enabled", false) ? tls.getString("certPath") : null);
  }

  public static GatewayFixture start(JsonObject gatewayOverrides) {
    return start(gatewayOverrides, new JsonObject());
  }

  /** {@code sections}: further config sections (e.g. {@code socketio}, {@code chat}) merged into the node config. */
  public static GatewayFixture start(JsonObject gatewayOverrides, JsonObject sections) {
    return startWith(sections.copy().put("gateway", gatewayOverrides.copy()
      .mergeIn(sections.getJsonObject("gateway", new JsonObject()))));
  }

  /**
   * With whole config sections merged in (deeply) and more verticles deployed after the services and
   * before the gateway, e.g. ekyc-verification and stomp-bridge.
   */
  public static GatewayFixture startWith(JsonObject sections, Deployable... extraVerticles) {
    try {
      // fixture.metrics: Vert.x built with metrics, as the launcher builds it
      Vertx vertx = sections.getJsonObject("fixture", new JsonObject()).getBoolean("metrics", false)
        ? Vertx.builder().with(new VertxOptions().setMetricsOptions(MetricsSetup.options()))
          .withMetrics(MetricsSetup.factory()).build()
        : Vertx.vertx();
      Path dataDir = Files.createTempDirectory("gatehouse-fixture");
      JsonObject config = new JsonObject()
        .put("node", new JsonObject().put("dataDir", dataDir.toString()))
        .put("database", TestDatabase.fresh("fixture").toJson())
        .put("auth", new JsonObject().put("argon2", new JsonObject().put("memoryKib", 1024).put("iterations", 1)))
        .put("gateway", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        // the session protocol is engine-neutral: these tests run the in-process engine (polyglot: face-processing)
        .put("face", new JsonObject().put("engineType", "local").put("workerPoolSize", 2))
        // tests publish backlogs as fast as the machine allows; UserQuotasTest sets its own quota
        .put("routing", new JsonObject().put("userMessagesPerSecond", 1_000_000))
        .mergeIn(sections, true);
      boolean realFace = !sections.getJsonObject("fixture", new JsonObject()).getBoolean("fakeFace", false);
      config.getJsonObject("node").put("roles", roles(realFace, extraVerticles));
      DeploymentOptions options = new DeploymentOptions().setConfig(config);
      GatewayVerticle gateway = new GatewayVerticle();
      await(vertx.deployVerticle("io.gatehouse.auth.UserAuthVerticle", options));
      await(vertx.deployVerticle("io.gatehouse.routing.TopicRoutingVerticle", options));
      String pending = await(vertx.deployVerticle("io.gatehouse.pending.PendingDeliveryVerticle", options));
      // a test that brings its own stand-in face engine says so with fixture.fakeFace
      String face = realFace ? await(vertx.deployVerticle("io.gatehouse.face.FaceProcessingVerticle", options)) : null;
      for (Deployable extra : extraVerticles) {
        await(vertx.deployVerticle(extra, options));
      }
      await(vertx.deployVerticle(gateway, options));
      return new GatewayFixture(vertx, gateway.actualPort(), config, pending, face);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The roles this fixture deploys, as {@code node.roles}, so that health reports exactly those. */
  private static JsonArray roles(boolean realFace, Deployable... extraVerticles) {
    JsonArray roles = new JsonArray().add("user-auth").add("topic-routing").add("pending-delivery");
    if (realFace) {
      roles.add("face-processing");
    }
    for (Deployable extra : extraVerticles) {
      Arrays.stream(ServiceRole.values()).filter(role -> role.verticleClass().equals(extra.getClass().getName()))
        .forEach(role -> roles.add(role.roleName()));
    }
    return roles.add("gateway");
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers a user (name made unique with a suffix) and returns {username, user_id, access_token}. */
  public JsonObject user(String name) {
    String username = name + "-" + UUID.randomUUID().toString().substring(0, 6);
    HttpProbe.Reply reply = http.post("/register", new JsonObject().put("username", username)
      .put("password", "password of " + name).put("email", username + "@example.org"));
    if (reply.status() != 201) {
      throw new IllegalStateException("register failed: " + reply.status() + " " + reply.raw());
    }
    return reply.json();
  }

  public ActionClient connect(JsonObject user) {
    return ActionClient.login(vertx, port, user.getString("access_token"));
  }

  /** Takes pending-delivery down, to provoke a failing handler. */
  public void stopPendingDelivery() {
    await(vertx.undeploy(pendingDeployment));
  }

  /** Takes face-processing down, losing the sessions it owns. */
  public void stopFaceProcessing() {
    await(vertx.undeploy(faceDeployment));
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
