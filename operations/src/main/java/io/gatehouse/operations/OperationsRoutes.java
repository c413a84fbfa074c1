package io.gatehouse.operations;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The operator's routes: {@code /health}, {@code /health/live}, {@code /health/ready}, the metrics
 * scrape and {@code /openapi.json}. The gateway mounts them on its own router when {@code operations.port} is null; otherwise
 * {@link #listen} serves them on a listener of their own, which a node without a gateway needs too.
 */
public final class OperationsRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsRoutes.class);
  private static final Buffer OPENAPI = load();

  private OperationsRoutes() {
  }

  public static void mount(Vertx vertx, Router router, JsonObject config) {
    OperationsOptions options = OperationsOptions.from(config);
    NodeHealth.of(vertx, config).mount(router);
    if (options.metricsEnabled()) {
      router.get(options.metricsPath()).handler(GatehouseMetrics.scrapeHandler());
    }
    router.get("/openapi.json").handler(ctx -> ctx.response().putHeader("content-type", "application/json")
      .end(OPENAPI));
  }

  /** The OpenAPI 3.1 document of every REST route ({@code openapi.json} in this module's resources). */
  public static Buffer openApi() {
    return OPENAPI.copy();
  }

  private static Buffer load() {
    try (InputStream in = OperationsRoutes.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json missing from the jar");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the separate listener when {@code operations.port} is set; otherwise does nothing. */
  public static Future<HttpServer> listen(Vertx vertx, JsonObject config) {
    OperationsOptions options = OperationsOptions.from(config);
    if (options.onGatewayPort()) {
      return Future.succeededFuture();
    }
    Router router = Router.router(vertx);
    mount(vertx, router, config);
    return vertx.createHttpServer().requestHandler(router).listen(options.port(), options.host())
      .onSuccess(server -> LOG.info("operations endpoints on http://{}:{}/health", options.host(), server.actualPort()));
  }
}
