package io.gatehouse.gateway.socketio;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("the Socket.IO layer of one connection: namespaces, events, acks, binary attachments")
class NamespaceSocketsTest {

  private final List<String> sent = new ArrayList<>();
  private final List<String> heard = new ArrayList<>();

  private final Namespace echo = (client, auth) -> {
    if (!"ok".equals(auth.getString("token"))) {
      return Future.failedFuture(new Namespace.ConnectRefused("Unauthorized"));
    }
    return Future.succeededFuture(new NamespaceSocket() {
      @Override
      public void onEvent(String event, Object argument, Acknowledgement ack) {
        heard.add(event);
        if (ack != null) {
          ack.reply(new JsonObject().put("echo", argument));
          ack.reply("twice");
        }
      }

      @Override
      public void onDisconnect(String reason) {
        heard.add("disconnect:" + reason);
      }
    });
  };

  private final NamespaceSockets sockets = new NamespaceSockets(Map.of("/chat", echo), new NamespaceSockets.Link() {
    @Override
    public void send(SocketPacket packet) {
      sent.add(SocketCodec.encode(packet));
    }

    @Override
    public String authorization() {
      return null;
    }
  }, 2, 8);

  @Test
  @DisplayName("a CONNECT with good auth is answered with a sid; an event's ack is answered exactly once")
  void connectAndAck() {
    sockets.onText("0/chat,{\"token\":\"ok\"}");
    sockets.onText("2/chat,5[\"hello\",1]");

    assertThat(sent.get(0)).startsWith("0/chat,{\"sid\":");
    assertThat(sent.subList(1, sent.size())).containsExactly("3/chat,5[{\"echo\":1}]");
    assertThat(heard).containsExactly("hello");
  }

  @Test
  @DisplayName("a refused CONNECT and an unknown namespace get CONNECT_ERROR")
  void refusedConnects() {
    sockets.onText("0/chat,{\"token\":\"bad\"}");
    sockets.onText("0/nowhere,");

    assertThat(sent).containsExactly("4/chat,{\"message\":\"Unauthorized\"}", "4/nowhere,{\"message\":\"Invalid namespace\"}");
    assertThat(sockets.joined()).isZero();
  }

  @Test
  @DisplayName("an event for a namespace not joined is a protocol error, as in the reference server")
  void eventOutsideNamespace() {
    assertThatThrownBy(() -> sockets.onText("2/chat,[\"hello\"]")).isInstanceOf(ProtocolError.class);
  }

  @Test
  @DisplayName("binary attachments are read off and refused with an error ack; unannounced ones are protocol errors")
  void binaryAttachmentsAreRefused() {
    sockets.onText("0/chat,{\"token\":\"ok\"}");
    sockets.onText("52-/chat,9[\"upload\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    sockets.onBinary(Buffer.buffer("a"));
    sockets.onBinary(Buffer.buffer("b"));

    assertThat(sent.get(sent.size() - 1)).isEqualTo("3/chat,9[{\"event\":\"upload\",\"error\":\"binary_not_supported\","
      + "\"message\":\"Binary attachments are not supported\"}]");
    assertThat(heard).isEmpty();
    assertThatThrownBy(() -> sockets.onBinary(Buffer.buffer("c"))).isInstanceOf(ProtocolError.class);
    assertThatThrownBy(() -> sockets.onText("53-/chat,[\"too many\"]")).isInstanceOf(ProtocolError.class);
  }

  @Test
  @DisplayName("leaving a namespace and closing the connection each tell the socket once")
  void disconnects() {
    sockets.onText("0/chat,{\"token\":\"ok\"}");
    sockets.onText("1/chat,");
    sockets.closed("transport close");
    sockets.onText("0/chat,{\"token\":\"ok\"}");

    assertThat(heard).containsExactly("disconnect:client namespace disconnect");
  }
}
