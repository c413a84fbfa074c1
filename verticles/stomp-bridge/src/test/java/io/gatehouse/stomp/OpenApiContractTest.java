package io.gatehouse.stomp;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.routing.ChatRef;
import io.gatehouse.contract.routing.OpenChat;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.face.FaceTenant;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.gatehouse.gateway.GatewayFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("/openapi.json describes every REST route: real answers of the running node, errors included, match it")
class OpenApiContractTest {

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;
  private static OpenAPIContract contract;
  private static ResponseValidator validator;
  private final Map<String, Set<Integer>> seen = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("fixture", new JsonObject().put("metrics", true)));
    gatehouse = fixture.gatehouse;
    HttpResponse<Buffer> document = await(WebClient.create(gatehouse.vertx).get(gatehouse.port, "127.0.0.1", "/openapi.json")
      .send());
    assertThat(document.statusCode()).isEqualTo(200);
    contract = await(OpenAPIContract.from(gatehouse.vertx, document.bodyAsJsonObject()));
    validator = ResponseValidator.create(gatehouse.vertx, contract);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("each operation answers as documented, on success and on refusal, and every operation is exercised")
  void everyRouteMatchesTheDocument() {
    assertThat(contract.getRawContract().getString("openapi")).isEqualTo("3.1.0");
    Client anonymous = new Client();
    HttpResponse<Buffer> registered = anonymous.call(HttpMethod.POST, "/register", 201, null, new JsonObject()
      .put("username", "ada-" + UUID.randomUUID()).put("password", "long enough").put("email", UUID.randomUUID() + "@example.org"));
    JsonObject ada = registered.bodyAsJsonObject();
    String token = ada.getString("access_token");
    anonymous.call(HttpMethod.POST, "/register", 400, null, new JsonObject().put("username", "no password"));
    anonymous.call(HttpMethod.POST, "/login", 200, null, new JsonObject().put("username", ada.getString("username"))
      .put("password", "long enough"));
    anonymous.call(HttpMethod.POST, "/login", 401, null, new JsonObject().put("username", ada.getString("username"))
      .put("password", "wrong password"));
    anonymous.call(HttpMethod.GET, "/users/show?limit=2", 200, token, null);
    anonymous.call(HttpMethod.GET, "/users/show?username=" + ada.getString("username"), 200, token, null);
    anonymous.call(HttpMethod.GET, "/users/show?limit=0", 400, token, null);
    anonymous.call(HttpMethod.GET, "/users/show", 401, null, null);
    anonymous.call(HttpMethod.GET, "/users/username/" + ada.getString("username"), 200, token, null);
    anonymous.call(HttpMethod.GET, "/users/username/nobody-" + UUID.randomUUID(), 404, token, null);
    anonymous.call(HttpMethod.GET, "/users/user_id/" + ada.getString("user_id"), 200, token, null);
    anonymous.call(HttpMethod.GET, "/users/user_id/" + UUID.randomUUID(), 404, token, null);
    anonymous.call(HttpMethod.POST, "/oauth/authorize", 200, token, new JsonObject());
    anonymous.call(HttpMethod.POST, "/oauth/authorize", 401, "not.a.token", new JsonObject());

    JsonObject bob = gatehouse.user("bob");
    ChatRef chat = await(gatehouse.vertx.eventBus().<ChatRef>request(Addresses.Routing.OPEN_CHAT,
      new OpenChat(ada.getString("user_id"), bob.getString("user_id"))).map(Message::body));
    anonymous.call(HttpMethod.GET, "/users/chat/?user_id=" + ada.getString("user_id"), 200, token, null);
    anonymous.call(HttpMethod.GET, "/users/chat/?user_id=" + bob.getString("user_id"), 403, token, null);
    anonymous.call(HttpMethod.POST, "/users/chat/" + chat.chatId(), 200, token, new JsonObject().put("fetch_size", 10));
    anonymous.call(HttpMethod.POST, "/users/chat/" + chat.chatId(), 401, null, new JsonObject().put("fetch_size", 10));
    anonymous.call(HttpMethod.POST, "/users/chat/" + chat.chatId(), 400, token, new JsonObject().put("fetch_size", "ten"));

    FaceTenant tenant = FaceTenant.create(gatehouse, "contract");
    anonymous.call(HttpMethod.POST, "/api/auth/client/", 200, null, new JsonObject().put("api_key", tenant.keys().apiKey()));
    anonymous.call(HttpMethod.POST, "/api/auth/client/", 401, null, new JsonObject().put("api_key", "unknown"));
    anonymous.call(HttpMethod.POST, "/api/auth/enrollment/", 201, tenant.jwt(), new JsonObject().put("user_id", "u1")
      .put("metadata", new JsonObject().put("target_samples", 3)));
    anonymous.call(HttpMethod.POST, "/api/auth/enrollment/", 401, null, new JsonObject().put("user_id", "u1"));
    anonymous.call(HttpMethod.POST, "/api/auth/authentication/", 201, tenant.jwt(), new JsonObject()
      .put("require_liveness", false).put("metadata", new JsonObject().put("min_frames_required", 3)));
    anonymous.call(HttpMethod.POST, "/api/auth/authentication/", 401, null, new JsonObject());

    Client browser = new Client();
    browser.call(HttpMethod.GET, "/v1/signup/settings", 200, null, null);
    browser.signup("/registration/generate-challenge", 403, SignupFixture.challenge(SignupFixture.newPhone(), "REGISTRATION", false));
    browser.csrf = browser.call(HttpMethod.GET, "/v1/signup/csrf/token", 200, null, null).bodyAsJsonObject()
      .getJsonObject("response").getString("token");
    String phone = SignupFixture.newPhone();
    browser.signup("/registration/generate-challenge", 200, SignupFixture.challenge(phone, "REGISTRATION", false));
    browser.signup("/registration/verify-challenge", 200, SignupFixture.answer(phone, "000000"));
    browser.signup("/registration/verify-challenge", 200, SignupFixture.answer(phone, fixture.otpFor(phone)));
    browser.signup("/registration/register", 200, new JsonObject().put("username", phone).put("password", "long enough")
      .put("consent", "AGREE").put("locale", "eng").put("userInfo", new JsonObject().put("phone", phone)
        .put("preferredLang", "eng").put("fullName", new io.vertx.core.json.JsonArray().add(new JsonObject()
          .put("language", "eng").put("value", "Ada")))));
    browser.call(HttpMethod.GET, "/v1/signup/registration/status", 200, null, null);
    browser.signup("/reset-password", 200, new JsonObject().put("identifier", phone).put("password", "another one"));
    String code = anonymous.call(HttpMethod.POST, "/oauth/authorize", 200, token, new JsonObject()).bodyAsJsonObject()
      .getString("code");
    browser.signup("/identity-verification/initiate", 200, new JsonObject().put("authorizationCode", code).put("state", "s"));
    browser.signup("/identity-verification/initiate", 200, new JsonObject().put("authorizationCode", code).put("state", "s"));
    browser.call(HttpMethod.GET, "/v1/signup/identity-verification/identity-verifier/mock-identity-verifier", 200, null, null);
    browser.signup("/identity-verification/slot", 200, new JsonObject().put("verifierId", "mock-identity-verifier")
      .put("consent", "AGREE"));
    browser.call(HttpMethod.GET, "/v1/signup/identity-verification/status", 200, null, null);
    new Client().call(HttpMethod.GET, "/v1/signup/identity-verification/status", 200, null, null);

    for (String path : new String[] {"/health", "/health/live", "/health/ready"}) {
      anonymous.call(HttpMethod.GET, path, 200, null, null);
    }
    anonymous.call(HttpMethod.GET, "/metrics", 200, null, null);
    anonymous.call(HttpMethod.GET, "/openapi.json", 200, null, null);

    Set<String> documented = contract.operations().stream().map(Operation::getOperationId).collect(Collectors.toCollection(TreeSet::new));
    assertThat(seen.keySet()).as("operations exercised").containsExactlyInAnyOrderElementsOf(documented);
    for (Operation operation : contract.operations()) {
      JsonObject responses = contract.getRawContract().getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
        .getJsonObject(operation.getHttpMethod().name().toLowerCase(java.util.Locale.ROOT)).getJsonObject("responses");
      boolean documentsRefusal = responses.fieldNames().stream()
        .anyMatch(status -> status.startsWith("4") && !status.equals("413") && !status.equals("429"));
      boolean refusedOnce = seen.get(operation.getOperationId()).stream().anyMatch(status -> status >= 400);
      boolean envelopeErrors = operation.getOpenAPIPath().startsWith("/v1/signup");
      // health answers 503 only when a role is down (NodeHealthTest), /metrics 404 only on a node without metrics
      boolean needsAnotherNode = operation.getOpenAPIPath().startsWith("/health") || operation.getOpenAPIPath().equals("/metrics");
      if (documentsRefusal && !envelopeErrors && !needsAnotherNode) {
        assertThat(refusedOnce).as(operation.getOperationId() + " refused at least once").isTrue();
      }
    }
  }

  /** A cookie-keeping client that checks every answer against the operation the document gives its route. */
  private final class Client {

    private final WebClientSession http = WebClientSession.create(WebClient.create(gatehouse.vertx,
      new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gatehouse.port)));
    private String csrf;

    HttpResponse<Buffer> signup(String path, int expected, JsonObject request) {
      return call(HttpMethod.POST, "/v1/signup" + path, expected, null,
        new JsonObject().put("requestTime", Instant.now().toString()).put("request", request));
    }

    HttpResponse<Buffer> call(HttpMethod method, String uri, int expected, String bearer, JsonObject body) {
      HttpRequest<Buffer> request = http.request(method, uri);
      if (bearer != null) {
        request.bearerTokenAuthentication(bearer);
      }
      if (csrf != null) {
        request.putHeader("X-XSRF-TOKEN", csrf);
      }
      HttpResponse<Buffer> response = await(body == null ? request.send() : request.sendJsonObject(body));
      assertThat(response.statusCode()).as(method + " " + uri + ": " + response.bodyAsString()).isEqualTo(expected);
      String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
      Operation operation = contract.findOperation(path, method);
      assertThat(operation).as("documented: " + method + " " + path).isNotNull();
      Map<String, String> headers = new LinkedHashMap<>();
      MultiMap raw = response.headers();
      raw.names().forEach(name -> headers.put(name, raw.get(name)));
      // the media type without parameters (charset): vertx-openapi matches on the bare type
      String contentType = response.getHeader("content-type") == null ? null
        : response.getHeader("content-type").split(";")[0].trim();
      ValidatableResponse validatable = response.body() == null || contentType == null
        ? ValidatableResponse.create(response.statusCode(), headers)
        : ValidatableResponse.create(response.statusCode(), headers, response.body(), contentType);
      await(validator.validate(validatable, operation.getOperationId()).recover(failure -> {
        throw new AssertionError(method + " " + uri + " " + response.statusCode() + " does not match the document: "
          + failure.getMessage() + "\n" + response.bodyAsString(), failure);
      }));
      seen.computeIfAbsent(operation.getOperationId(), id -> new TreeSet<>()).add(response.statusCode());
      return response;
    }
  }
}
