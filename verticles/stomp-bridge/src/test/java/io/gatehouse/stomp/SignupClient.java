package io.gatehouse.stomp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A blocking browser-like client of {@code /v1/signup}: keeps cookies and echoes the CSRF token. */
final class SignupClient {

  record Reply(int status, JsonObject body) {
    JsonObject response() {
      return body.getJsonObject("response");
    }

    String errorCode() {
      return body.getJsonArray("errors").isEmpty() ? null
        : body.getJsonArray("errors").getJsonObject(0).getString("errorCode");
    }
  }

  private final WebClient client;
  final Map<String, String> cookies = new LinkedHashMap<>();
  String csrfHeader;
  /** The account this browser registered last, if any. */
  String account;

  SignupClient(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  /** Fetches a CSRF token and from now on echoes it. */
  SignupClient withCsrf() {
    Reply reply = get("/v1/signup/csrf/token", null);
    csrfHeader = reply.response().getString("token");
    return this;
  }

  Reply post(String path, JsonObject request) {
    return send(HttpMethod.POST, path, null, new JsonObject().put("requestTime", Instant.now().toString())
      .put("request", request));
  }

  Reply get(String path, String bearer) {
    return send(HttpMethod.GET, path, bearer, null);
  }

  Reply send(HttpMethod method, String path, String bearer, JsonObject body) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (!cookies.isEmpty()) {
      request.putHeader("Cookie", cookieHeader());
    }
    if (csrfHeader != null) {
      request.putHeader("X-XSRF-TOKEN", csrfHeader);
    }
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    try {
      HttpResponse<Buffer> response = sent.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      response.cookies().forEach(this::remember);
      Buffer raw = response.body();
      return new Reply(response.statusCode(), raw == null || raw.length() == 0 ? new JsonObject() : raw.toJsonObject());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    }
  }

  String cookieHeader() {
    return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
  }

  private void remember(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int eq = pair.indexOf('=');
    String name = pair.substring(0, eq).trim();
    String value = pair.substring(eq + 1).trim();
    if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }
}
