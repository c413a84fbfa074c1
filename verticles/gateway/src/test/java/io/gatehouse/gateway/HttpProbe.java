package io.gatehouse.gateway;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.concurrent.TimeUnit;

/** A blocking HTTP client for tests (never used on an event loop). */
public final class HttpProbe {

  private final WebClient client;

  public HttpProbe(Vertx vertx, int port) {
    this(vertx, port, null);
  }

  /** Over HTTPS when {@code trustedCertPem} (the PEM certificate to trust) is given. */
  public HttpProbe(Vertx vertx, int port, String trustedCertPem) {
    WebClientOptions options = new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port);
    if (trustedCertPem != null) {
      options.setSsl(true).setTrustOptions(new PemTrustOptions().addCertPath(trustedCertPem));
    }
    this.client = WebClient.create(vertx, options);
  }

  public record Reply(int status, Buffer raw) {
    public JsonObject json() {
      return raw == null || raw.length() == 0 ? new JsonObject() : raw.toJsonObject();
    }
  }

  public Reply post(String path, Object body) {
    return send(HttpMethod.POST, path, null, body);
  }

  public Reply get(String path, String token) {
    return send(HttpMethod.GET, path, token, null);
  }

  public Reply send(HttpMethod method, String path, String token, Object body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (token != null) {
      headers.add("Authorization", "Bearer " + token);
    }
    return sendWithHeaders(method, path, headers, body);
  }

  public Reply sendWithHeaders(HttpMethod method, String path, MultiMap headers, Object body) {
    var request = client.request(method, path).putHeaders(headers);
    Future<HttpResponse<Buffer>> response;
    if (body == null) {
      response = request.send();
    } else if (body instanceof Buffer buffer) {
      response = request.putHeader("content-type", "application/json").sendBuffer(buffer);
    } else if (body instanceof String text) {
      response = request.putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(text));
    } else {
      response = request.sendJson(body);
    }
    try {
      HttpResponse<Buffer> reply = response.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return new Reply(reply.statusCode(), reply.body());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    }
  }
}
