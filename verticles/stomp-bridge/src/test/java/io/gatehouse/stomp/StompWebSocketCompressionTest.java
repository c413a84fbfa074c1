package io.gatehouse.stomp;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The STOMP WebSocket listener negotiates permessage-deflate exactly as the gateway's setting says. */
@DisplayName("STOMP over WebSocket follows gateway.webSocketCompression")
class StompWebSocketCompressionTest {

  @Test
  @DisplayName("by default a client offering permessage-deflate is upgraded without it")
  void compressionOffByDefault() throws IOException {
    SignupFixture fixture = new SignupFixture(new JsonObject());
    try {
      String response = handshake(fixture.stomp.webSocketPort());
      assertThat(response).startsWith("HTTP/1.1 101");
      assertThat(response.toLowerCase()).doesNotContain("sec-websocket-extensions");
    } finally {
      fixture.close();
    }
  }

  @Test
  @DisplayName("with gateway.webSocketCompression on, the offer is accepted")
  void compressionOnWhenConfigured() throws IOException {
    SignupFixture fixture = new SignupFixture(new JsonObject()
      .put("gateway", new JsonObject().put("webSocketCompression", true)));
    try {
      String response = handshake(fixture.stomp.webSocketPort());
      assertThat(response).startsWith("HTTP/1.1 101");
      assertThat(response.toLowerCase()).contains("sec-websocket-extensions: permessage-deflate");
    } finally {
      fixture.close();
    }
  }

  /** A WebSocket upgrade of /stomp offering permessage-deflate; the response head as text. */
  private static String handshake(int port) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /stomp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Protocol: v12.stomp\r\n"
        + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.write(b);
      }
      return head.toString(StandardCharsets.US_ASCII);
    }
  }
}
