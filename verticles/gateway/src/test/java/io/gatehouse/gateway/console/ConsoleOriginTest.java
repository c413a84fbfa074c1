package io.gatehouse.gateway.console;

import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files served by two other origins (plain static servers, as a site hosting the console would),
 * pointed at the gateway with {@code ?gateway=}: one origin is listed in {@code gateway.allowedOrigins}, the
 * other is not.
 */
@DisplayName("The web console from another origin works only when gateway.allowedOrigins lists it")
class ConsoleOriginTest {

  private static GatewayFixture gateway;
  private static Vertx sites;
  private static int allowedPort;
  private static int refusedPort;

  @BeforeAll
  static void start() {
    assertThat(ConsoleBrowser.chromiumInstalled()).as("Debian chromium (scripts/test installs it)").isTrue();
    // the sites listen first, so the gateway can be told the allowed one's port
    sites = Vertx.vertx();
    allowedPort = GatewayFixture.await(staticSite()).actualPort();
    refusedPort = GatewayFixture.await(staticSite()).actualPort();
    gateway = GatewayFixture.start(new JsonObject()
        .put("allowedOrigins", new JsonArray().add("http://127.0.0.1:" + allowedPort)),
      new JsonObject().put("signup", new JsonObject().put("devFixedOtp", "135791")));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    GatewayFixture.await(sites.close());
  }

  private static Future<HttpServer> staticSite() {
    Router site = Router.router(sites);
    site.get("/").handler(ctx -> ctx.reroute("/console/index.html"));
    site.get("/console/*").handler(StaticHandler.create("console"));
    return sites.createHttpServer().requestHandler(site).listen(0, "127.0.0.1");
  }

  @Test
  @DisplayName("from the listed origin: sign-up cookies and CSRF, REST, the topic WebSocket and Socket.IO work; "
    + "from another, signing in fails with a sentence saying the gateway does not accept the page")
  void onlyListedOriginsWork() {
    String target = "?gateway=" + "http://127.0.0.1:" + gateway.port;
    String user = "far-" + UUID.randomUUID().toString().substring(0, 6);
    ConsoleBrowser.Outcome outcome = ConsoleBrowser.run("origin", new JsonObject()
      .put("allowedPage", "http://127.0.0.1:" + allowedPort + "/" + target)
      .put("refusedPage", "http://127.0.0.1:" + refusedPort + "/" + target)
      .put("user", user).put("phone", "+85598" + (1_000_000 + (int) (Math.random() * 8_000_000))), 180);

    assertThat(outcome.ok()).as(outcome.toString()).isTrue();
    assertThat(outcome.report().getJsonObject("refusal").getString("code")).isEqualTo("network");
    assertThat(outcome.report().getJsonObject("refusal").getString("text"))
      .isEqualTo("The gateway could not be reached, or it does not accept requests from this page's address.");
    assertThat(outcome.report().getString("signedIn")).isEmpty();
    assertThat(outcome.report().getBoolean("polled")).as("Engine.IO polling across origins (CORS)").isTrue();
  }
}
