package io.gatehouse.face.polyglot;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.eventbus.bridge.tcp.BridgeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Admits engine workers to the bridge: a registration must carry the engine secret in its {@code secret}
 * header; a connection that registered with it may then send (its replies). Anything else from a connection
 * without it is refused and the connection closed. Address permissions themselves are the bridge's
 * (only the engine addresses, outbound). Its sockets are the relayed ones of {@link BridgeFrontDoor}.
 */
final class BridgeGuard implements Handler<BridgeEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeGuard.class);

  private final EngineSecret secret;
  private final Set<NetSocket> admitted = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<NetSocket> serving = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Consumer<Integer> onWorkersChanged;

  BridgeGuard(EngineSecret secret, Consumer<Integer> onWorkersChanged) {
    this.secret = secret;
    this.onWorkersChanged = onWorkersChanged;
  }

  /** Admitted peers whose registration of an engine address went through. */
  int workers() {
    return serving.size();
  }

  @Override
  public void handle(BridgeEvent event) {
    NetSocket socket = event.socket();
    BridgeEventType type = event.type();
    if (type == BridgeEventType.SOCKET_PING) {
      event.complete(true);
    } else if (type == BridgeEventType.REGISTERED) {
      event.complete(true);
      serves(socket);
    } else if (type == BridgeEventType.REGISTER) {
      Object headers = event.getRawMessage().getValue("headers");
      Object presented = headers instanceof JsonObject json ? json.getValue("secret") : null;
      boolean known = secret.matches(presented instanceof String s ? s : null);
      // the secret is checked here and goes no further
      event.getRawMessage().remove("headers");
      if (known) {
        admit(socket);
      } else {
        refuse(event, socket, "registration without the engine secret");
        return;
      }
      event.complete(true);
    } else if (admitted.contains(socket)) {
      event.complete(true);
    } else {
      refuse(event, socket, type + " before registering with the engine secret");
    }
  }

  private void admit(NetSocket socket) {
    if (admitted.add(socket)) {
      socket.closeHandler(v -> {
        admitted.remove(socket);
        if (serving.remove(socket)) {
          LOG.info("a face engine worker left ({} connected)", serving.size());
          onWorkersChanged.accept(serving.size());
        }
      });
    }
  }

  private void serves(NetSocket socket) {
    if (admitted.contains(socket) && serving.add(socket)) {
      LOG.info("a face engine worker joined ({} connected)", serving.size());
      onWorkersChanged.accept(serving.size());
    }
  }

  private static void refuse(BridgeEvent event, NetSocket socket, String why) {
    // peers reach the guard through the bridge's own listener, which logs their addresses (debug)
    LOG.warn("bridge peer refused: {}", why);
    event.complete(false);
    // closed on the next turn, after the bridge wrote its refusal
    Vertx.currentContext().runOnContext(v -> socket.close());
  }
}
