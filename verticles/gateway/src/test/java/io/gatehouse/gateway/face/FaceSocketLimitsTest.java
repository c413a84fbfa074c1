package io.gatehouse.gateway.face;

import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.HttpProbe;
import io.gatehouse.gateway.edge.RawWebSocket;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002's error messages and close codes, and garbage frames, against the real services. */
class FaceSocketLimitsTest {

  private static final int FRAME_CAP = 8;

  private static GatewayFixture gatehouse;
  private static FaceTenant tenant;
  private static byte[] face;

  @BeforeAll
  static void start() {
    gatehouse = GatewayFixture.start(new JsonObject(), new JsonObject().put("face", new JsonObject()
      .put("maxFramesPerSession", FRAME_CAP).put("sessionIdleMs", 1500)));
    tenant = FaceTenant.create(gatehouse, "limits");
    face = FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  private static FaceClient connected() {
    FaceClient client = FaceClient.open(gatehouse, tenant.enrollment("u-" + System.nanoTime()));
    client.expectType("connection_established");
    return client;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  @DisplayName("an unknown session token gets error 4404 and close 4404")
  void unknownToken() {
    try (FaceClient client = FaceClient.openPath(gatehouse, "/ws/auth/process-image/not-a-session/")) {
      assertThat(client.expectType("error").getInteger("code")).isEqualTo(4404);
      assertThat(client.awaitClose()).isEqualTo((short) 4404);
    }
  }

  @Test
  @DisplayName("a session token is single-use: a second socket gets close 4400")
  void tokenIsSingleUse() {
    JsonObject session = tenant.enrollment("once");
    try (FaceClient first = FaceClient.open(gatehouse, session)) {
      first.expectType("connection_established");
      try (FaceClient second = FaceClient.open(gatehouse, session)) {
        assertThat(second.awaitClose()).isEqualTo((short) 4400);
      }
      first.socket.send(new JsonObject().put("type", "ping"));
      assertThat(first.expectType("pong")).isNotNull();
    }
  }

  @Test
  @DisplayName("a session without frames for the idle limit expires with error 4401 and close 4401")
  void idleSessionExpires() {
    try (FaceClient client = connected()) {
      assertThat(client.expectType("error").getInteger("code")).isEqualTo(4401);
      assertThat(client.awaitClose()).isEqualTo((short) 4401);
    }
  }

  @Test
  @DisplayName("frames closer than 100 ms get the rate error 4429 and the session stays open")
  void frameRateError() {
    try (FaceClient client = connected()) {
      JsonObject frame = new JsonObject().put("type", "frame").put("image", base64(face));
      client.socket.send(frame);
      client.socket.send(frame);
      JsonObject error = client.expectType("error");
      assertThat(error.getMap()).containsEntry("error", "Frame rate too high, please slow down")
        .containsEntry("code", 4429);
      assertThat(client.expectType("frame_processed").getInteger("frames_processed")).isEqualTo(1);
      client.socket.send(new JsonObject().put("type", "ping"));
      assertThat(client.expectType("pong")).isNotNull();
    }
  }

  @Test
  @DisplayName("a frame without a face is error 4000; past the frame cap the socket closes with 4429")
  void noFaceAndFrameCap() {
    byte[] cat = readCat();
    try (FaceClient client = connected()) {
      for (int i = 0; i < FRAME_CAP; i++) {
        JsonObject reply = client.frame(cat);
        assertThat(reply.getMap()).containsEntry("type", "error").containsEntry("error", "No face detected")
          .containsEntry("code", 4000);
      }
      client.sendRaw(base64(cat));
      assertThat(client.expectType("error").getInteger("code")).isEqualTo(4429);
      assertThat(client.awaitClose()).isEqualTo((short) 4429);
    }
  }

  private static byte[] readCat() {
    try (var in = FaceSocketLimitsTest.class.getResourceAsStream("/org/openimaj/image/data/cat.jpg")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("garbage frames and messages get defined 4400 errors and the session keeps working")
  void garbageGetsErrors() {
    byte[] random = new byte[50_000];
    new Random(3).nextBytes(random);
    byte[] pngBomb = ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})
      .putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(60_000).putInt(60_000)
      .put(new byte[] {8, 2, 0, 0, 0}).putInt(0).array();
    byte[] twoMegabytes = new byte[2 * 1024 * 1024];
    System.arraycopy(face, 0, twoMegabytes, 0, face.length);
    try (FaceClient client = connected()) {
      assertThat(client.frame(random).getMap()).containsEntry("code", 4400).containsEntry("error", "Invalid image data");
      assertThat(client.frame(pngBomb).getInteger("code")).isEqualTo(4400);
      assertThat(client.frame(twoMegabytes).getString("error")).startsWith("Frame too large");
      client.sendRaw("data:image/jpeg;base64,@@@ not base64 @@@");
      assertThat(client.reply().getString("error")).isEqualTo("Invalid base64 image data");
      client.socket.sendText("{\"type\": \"frame\", \"image\": ");
      assertThat(client.reply().getMap()).containsEntry("error", "Invalid JSON message").containsEntry("code", 4400);
      client.socket.send(new JsonObject().put("type", "selfie"));
      assertThat(client.reply().getString("error")).isEqualTo("Unknown message type");
      client.socket.sendBinary(Buffer.buffer(face));
      assertThat(client.reply().getInteger("code")).isEqualTo(4400);

      JsonObject processed = client.frame(face);
      assertThat(processed.getMap()).containsEntry("type", "frame_processed").containsEntry("frames_processed", 1);
    }
  }

  @Test
  @DisplayName("a 20 MB image gets error 4400 and close 1009 (message too big), and the service stays healthy")
  void hugeImageClosesTransport() {
    byte[] huge = new byte[20 * 1024 * 1024];
    new Random(5).nextBytes(huge);
    String message = new JsonObject().put("type", "frame").put("image", base64(huge)).encode();
    try (FaceClient client = connected()) {
      client.socket.sendText(message);
      assertThat(client.expectType("error").getInteger("code")).isEqualTo(4400);
      assertThat(client.awaitClose()).as("1009, or 1006 when the server drops the connection mid-message")
        .isIn((short) 1009, (short) 1006);
    }
    assertThat(gatehouse.http.get("/health", null).status()).isEqualTo(200);
    try (FaceClient next = connected()) {
      assertThat(next.frame(face).getString("type")).isEqualTo("frame_processed");
    }
  }

  @Test
  @DisplayName("one frame announcing more than 4 MiB closes the socket with 1009, as a fragmented message does")
  void oversizedSingleFrameCloses1009() {
    String token = tenant.enrollment("u-big-" + System.nanoTime()).getString("session_token");
    try (RawWebSocket ws = RawWebSocket.open(gatehouse.port, "/ws/auth/process-image/" + token + "/", 15_000)) {
      assertThat(ws.read().text()).contains("connection_established");
      ws.sendAnnounced(0x81, 5L * 1024 * 1024, 1_000);
      RawWebSocket.Frame close = ws.readUntilClose();
      assertThat(close).as("a close frame before the connection ends").isNotNull();
      assertThat(close.closeCode()).isEqualTo(1009);
    }
    assertThat(gatehouse.http.get("/health", null).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("the client endpoint returns jwt_token and access_token; a wrong key or secret is 401")
  void clientToken() {
    HttpProbe.Reply ok = gatehouse.http.post("/api/auth/client/", new JsonObject().put("api_key", tenant.keys().apiKey())
      .put("api_secret", tenant.keys().secretKey()));
    HttpProbe.Reply noSlash = gatehouse.http.post("/api/auth/client", new JsonObject().put("api_key", tenant.keys().apiKey()));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().getString("jwt_token")).isEqualTo(ok.json().getString("access_token")).isNotBlank();
    assertThat(ok.json().getMap()).containsEntry("token_type", "JWT").containsKey("expires_at");
    assertThat(noSlash.status()).isEqualTo(200);
    assertThat(gatehouse.http.post("/api/auth/client/", new JsonObject().put("api_key", "nope")).status()).isEqualTo(401);
    assertThat(gatehouse.http.post("/api/auth/client/", new JsonObject().put("api_key", tenant.keys().apiKey())
      .put("api_secret", "wrong")).status()).isEqualTo(401);
    assertThat(gatehouse.http.post("/api/auth/client/", new JsonObject()).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("session endpoints accept Bearer and JWT schemes, answer 201 with the seed's fields, refuse others")
  void sessionEndpoints() {
    JsonObject enrollment = new JsonObject().put("user_id", "u1").put("metadata", new JsonObject().put("target_samples", 4));
    HttpProbe.Reply bearer = tenant.post("/api/auth/enrollment/", enrollment, "Bearer");
    HttpProbe.Reply jwt = tenant.post("/api/auth/authentication/", new JsonObject(), "JWT");
    String userToken = gatehouse.user("person").getString("access_token");

    assertThat(bearer.status()).isEqualTo(201);
    assertThat(bearer.json().getMap()).containsEntry("status", "active").containsEntry("target_samples", 4)
      .containsKeys("session_token", "enrollment_id", "expires_at");
    assertThat(bearer.json().getString("websocket_url"))
      .endsWith("/ws/auth/process-image/" + bearer.json().getString("session_token") + "/").startsWith("ws://");
    assertThat(jwt.status()).isEqualTo(201);
    assertThat(jwt.json().getMap()).containsEntry("session_type", "authentication").containsEntry("status", "active");
    assertThat(gatehouse.http.post("/api/auth/enrollment/", enrollment).status()).isEqualTo(401);
    assertThat(gatehouse.http.send(io.vertx.core.http.HttpMethod.POST, "/api/auth/enrollment/", userToken, enrollment)
      .status()).isEqualTo(403);
    assertThat(tenant.post("/api/auth/enrollment/", new JsonObject(), "Bearer").status()).isEqualTo(400);
    assertThat(tenant.post("/api/auth/enrollment/", new JsonObject().put("user_id", "u")
      .put("metadata", new JsonObject().put("target_samples", 0)), "Bearer").status()).isEqualTo(400);
  }
}
