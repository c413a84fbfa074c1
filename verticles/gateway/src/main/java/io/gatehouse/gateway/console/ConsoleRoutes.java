package io.gatehouse.gateway.console;

import io.gatehouse.contract.edge.OriginPolicy;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.List;
import java.util.Set;

/**
 * The web console: static files from the jar's {@code console/} folder, {@code /} serving its page, and
 * {@code /console/config.json} telling the page where the STOMP listener is and, only when
 * {@code signup.devFixedOtp} is set, the development OTP. Pages of other origins may call the gateway's HTTP
 * routes only when {@code gateway.allowedOrigins} lists them (CORS with credentials, so the signup cookies work).
 */
public final class ConsoleRoutes {

  static final String WEBROOT = "console";
  static final String PREFIX = "/console";

  /** With nothing listed, OriginPolicy passes only the host's own origin. */
  private static final OriginPolicy SAME_HOST = new OriginPolicy(List.of());

  private final ConsoleSettings settings;
  private final List<String> allowedOrigins;

  public ConsoleRoutes(ConsoleSettings settings, List<String> allowedOrigins) {
    this.settings = settings;
    this.allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** CORS for listed origins; mount before every other route so preflights and Engine.IO polling get it too. */
  public void mountCors(Router router) {
    if (allowedOrigins.isEmpty()) {
      return;
    }
    CorsHandler cors = CorsHandler.create().allowCredentials(true).maxAgeSeconds(600)
      .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
      .allowedHeaders(Set.of("Content-Type", "Authorization", "X-XSRF-TOKEN"));
    boolean any = allowedOrigins.contains("*");
    if (any) {
      cors.addOriginWithRegex(".*");
    } else {
      cors.addOrigins(allowedOrigins);
    }
    router.route().handler(ctx -> {
      String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
      // a page of the gateway's own origin needs no CORS (and CorsHandler would refuse it when not listed)
      if (origin != null && (any || allowedOrigins.contains(origin)) && !sameHost(origin, ctx)) {
        cors.handle(ctx);
      } else {
        ctx.next();
      }
    });
  }

  private static boolean sameHost(String origin, RoutingContext ctx) {
    return SAME_HOST.allows(origin, ctx.request().getHeader(HttpHeaders.HOST));
  }

  public void mount(Router router) {
    router.get("/").handler(ctx -> ctx.reroute(PREFIX + "/index.html"));
    router.get(PREFIX).handler(ctx -> ctx.redirect(PREFIX + "/"));
    router.get(PREFIX + "/config.json").handler(this::config);
    router.get(PREFIX + "/*").handler(StaticHandler.create(WEBROOT).setIndexPage("index.html")
      .setDefaultContentEncoding("UTF-8").setMaxAgeSeconds(60));
  }

  private void config(RoutingContext ctx) {
    JsonObject config = new JsonObject()
      .put("stompPort", settings.stompPort())
      .put("stompSlotPath", settings.stompSlotPath());
    if (settings.devOtp() != null) {
      config.put("devOtp", settings.devOtp());
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader("Cache-Control", "no-store")
      .end(config.encode());
  }
}
