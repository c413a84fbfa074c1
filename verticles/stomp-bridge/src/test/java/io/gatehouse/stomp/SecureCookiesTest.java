package io.gatehouse.stomp;

import io.gatehouse.contract.edge.SelfSignedCertificate;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("signup cookies are Secure while the node serves TLS")
class SecureCookiesTest {

  private static SelfSignedCertificate certificate;
  private static SignupFixture fixture;

  @BeforeAll
  static void start() {
    certificate = SelfSignedCertificate.create();
    fixture = new SignupFixture(new JsonObject().put("edge", new JsonObject().put("tls", new JsonObject()
      .put("enabled", true).put("certPath", certificate.certPem().toString())
      .put("keyPath", certificate.keyPem().toString()))));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("GET /v1/signup/csrf/token over HTTPS sets both CSRF cookies with Secure")
  void csrfCookiesAreSecure() {
    WebClient client = WebClient.create(fixture.gatehouse.vertx, new WebClientOptions().setSsl(true)
      .setTrustOptions(new PemTrustOptions().addCertPath(certificate.certPem().toString())));
    HttpResponse<Buffer> reply = GatewayFixture.await(client.get(fixture.gatehouse.port, "127.0.0.1",
      "/v1/signup/csrf/token").send());
    List<String> cookies = reply.cookies();
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(cookies).hasSize(2).allSatisfy(header -> assertThat(header.toLowerCase()).contains("; secure")
      .contains("samesite=lax").doesNotContain("max-age"));
  }
}
