package io.gatehouse.gateway.edge;

import io.gatehouse.gateway.HttpProbe;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the REST routes on port 8088: mutated JSON bodies, paths, query strings, methods and Authorization
 * headers against every route, each answered with a status below 500 and no stack trace.
 */
final class RestFuzzer {

  private record Route(HttpMethod method, String path, String body) {
  }

  private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
    HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS, HttpMethod.HEAD);

  private final HttpProbe http;
  private final FuzzInputs inputs;
  private final List<Route> routes;
  private final List<String> tokens;

  RestFuzzer(HttpProbe http, String userToken, String userId, long seed) {
    this.http = http;
    this.inputs = new FuzzInputs(seed);
    this.tokens = List.of(userToken, userToken + "x", "", "not.a.jwt", userToken.substring(0, userToken.length() / 2));
    this.routes = List.of(
      new Route(HttpMethod.POST, "/register", "{\"username\":\"fz\",\"password\":\"password1\",\"email\":\"fz@example.org\"}"),
      new Route(HttpMethod.POST, "/login", "{\"username\":\"fz\",\"password\":\"password1\"}"),
      new Route(HttpMethod.GET, "/users/show?limit=2&after=a", null),
      new Route(HttpMethod.GET, "/users/show?username=fz", null),
      new Route(HttpMethod.GET, "/users/username/fz", null),
      new Route(HttpMethod.GET, "/users/user_id/" + userId, null),
      new Route(HttpMethod.POST, "/oauth/authorize", "{}"),
      new Route(HttpMethod.GET, "/users/chat/?user_id=" + userId, null),
      new Route(HttpMethod.POST, "/users/chat/0190f1f4-0000-7000-8000-000000000000", "{\"fetch_size\":10}"),
      new Route(HttpMethod.POST, "/api/auth/client/", "{\"api_key\":\"k\",\"api_secret\":\"s\"}"),
      new Route(HttpMethod.POST, "/api/auth/enrollment/", "{\"user_id\":\"u\",\"metadata\":{\"target_samples\":3}}"),
      new Route(HttpMethod.POST, "/api/auth/authentication/", "{\"require_liveness\":true,\"metadata\":{}}"),
      new Route(HttpMethod.GET, "/v1/signup/settings", null),
      new Route(HttpMethod.GET, "/v1/signup/csrf/token", null),
      new Route(HttpMethod.POST, "/v1/signup/registration/generate-challenge",
        "{\"requestTime\":\"2026-01-01T00:00:00.000Z\",\"request\":{\"identifier\":\"+85512345678\",\"purpose\":\"REGISTRATION\"}}"),
      new Route(HttpMethod.GET, "/v1/signup/registration/status", null),
      new Route(HttpMethod.POST, "/v1/signup/identity-verification/initiate",
        "{\"requestTime\":\"2026-01-01T00:00:00.000Z\",\"request\":{\"authorizationCode\":\"c\",\"state\":\"s\"}}"),
      new Route(HttpMethod.GET, "/health", null));
  }

  /** Sends {@code count} requests; returns how many got a status below 500. */
  int run(int count) {
    int answered = 0;
    for (int i = 0; i < count; i++) {
      Route route = inputs.pick(routes);
      HttpMethod method = inputs.random().nextInt(10) == 0 ? inputs.pick(METHODS) : route.method();
      String path = inputs.random().nextInt(4) == 0 ? mutatePath(route.path()) : route.path();
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      if (inputs.random().nextInt(3) > 0) {
        headers.add("Authorization", (inputs.random().nextInt(5) == 0 ? "Basic " : "Bearer ") + inputs.pick(tokens));
      }
      if (inputs.random().nextInt(8) == 0) {
        headers.add("X-XSRF-TOKEN", printable(inputs.randomString()))
          .add("Cookie", "XSRF-TOKEN=" + printable(inputs.randomString()));
      }
      Buffer body = route.body() == null && inputs.random().nextInt(4) > 0 ? null
        : Buffer.buffer(inputs.random().nextInt(10) == 0 ? new String(inputs.bytes(300), StandardCharsets.ISO_8859_1)
          : inputs.mutate(route.body() == null ? "{}" : route.body()));
      HttpProbe.Reply reply = http.sendWithHeaders(method, path, headers, body);
      String raw = reply.raw() == null ? "" : reply.raw().toString();
      assertThat(reply.status()).as(method + " " + path + " " + body + " -> " + raw).isBetween(100, 499);
      assertThat(raw).as(method + " " + path).doesNotContainPattern(FuzzInputs.STACK_TRACE);
      answered++;
    }
    return answered;
  }

  /** Header values may hold visible ASCII only (clients refuse anything else before sending). */
  private static String printable(String text) {
    return text.replaceAll("[^!-~]", "x");
  }

  private String mutatePath(String path) {
    return switch (inputs.random().nextInt(4)) {
      case 0 -> path + "/" + URLEncoder.encode(inputs.randomString(), StandardCharsets.UTF_8);
      case 1 -> path.replace("fz", "%ff%fe%00" + inputs.randomString().replaceAll("[^a-z]", ""));
      case 2 -> path + (path.contains("?") ? "&" : "?") + "limit=" + String.valueOf(inputs.oddValue()).replaceAll("[^0-9a-z-]", "");
      default -> path.substring(0, 1 + inputs.random().nextInt(path.length()));
    };
  }
}
