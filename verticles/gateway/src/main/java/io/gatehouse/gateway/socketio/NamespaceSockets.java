package io.gatehouse.gateway.socketio;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Socket.IO layer of one Engine.IO connection: CONNECT/DISCONNECT per namespace, events with their
 * ack ids, and binary attachments, which are read off the wire and refused (an error ack, if one was
 * asked for). A packet out of place (an event for a namespace the client has not joined, an attachment
 * nobody announced) is a {@link ProtocolError}, as in the reference server. Event-loop confined.
 */
public final class NamespaceSockets {

  /** Where this layer writes packets and how it ends the connection. */
  public interface Link {
    void send(SocketPacket packet);

    String authorization();
  }


  private final Map<String, Namespace> namespaces;
  private final Link link;
  private final int maxAttachments;
  private final int maxAcksInFlight;
  private final Map<String, Member> members = new HashMap<>();
  private SocketPacket binaryPacket;
  private int attachmentsLeft;
  private boolean closed;

  public NamespaceSockets(Map<String, Namespace> namespaces, Link link, int maxAttachments, int maxAcksInFlight) {
    this.namespaces = namespaces;
    this.link = link;
    this.maxAttachments = maxAttachments;
    this.maxAcksInFlight = maxAcksInFlight;
  }

  /** One joined (or joining) namespace of this connection. */
  private final class Member implements ClientSocket {
    final String namespace;
    final String id = UUID.randomUUID().toString();
    final AckIds acks = new AckIds(maxAcksInFlight);
    NamespaceSocket handler;
    boolean left;

    Member(String namespace) {
      this.namespace = namespace;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String authorization() {
      return link.authorization();
    }

    @Override
    public void emit(String event, Object argument) {
      if (connected()) {
        link.send(SocketPacket.event(namespace, event, argument));
      }
    }

    @Override
    public void emit(EncodedEvent event) {
      if (connected()) {
        link.send(SocketPacket.event(namespace, event));
      }
    }

    @Override
    public void disconnect() {
      if (connected()) {
        link.send(SocketPacket.disconnect(namespace));
        leave(this, "server namespace disconnect");
      }
    }

    @Override
    public boolean connected() {
      return !left && !closed && handler != null;
    }
  }

  /** A text Engine.IO message. */
  public void onText(String text) {
    if (closed) {
      return;
    }
    if (attachmentsLeft > 0) {
      throw new ProtocolError("text packet while binary attachments were expected");
    }
    SocketPacket packet = SocketCodec.decode(text, maxAttachments);
    Member member = members.get(packet.namespace());
    if (packet.type() == SocketPacket.Type.CONNECT) {
      connect(packet, member);
      return;
    }
    if (member == null || member.handler == null) {
      throw new ProtocolError(packet.type() + " for a namespace not joined");
    }
    switch (packet.type()) {
      case DISCONNECT -> leave(member, "client namespace disconnect");
      case EVENT -> member.handler.onEvent(packet.eventName(), packet.eventArgument(), acknowledgement(member, packet));
      case BINARY_EVENT, BINARY_ACK -> {
        binaryPacket = packet;
        attachmentsLeft = packet.attachments();
      }
      default -> { } // ACK: the server asks clients for no acknowledgements, so there is nothing to settle
    }
  }

  /** A binary Engine.IO message: an attachment of the binary packet announced before it. */
  public void onBinary(Buffer ignored) {
    if (closed) {
      return;
    }
    if (attachmentsLeft == 0) {
      throw new ProtocolError("binary packet nobody announced");
    }
    if (--attachmentsLeft == 0) {
      SocketPacket packet = binaryPacket;
      binaryPacket = null;
      Member member = members.get(packet.namespace());
      if (packet.type() == SocketPacket.Type.BINARY_EVENT && member != null && member.handler != null) {
        member.handler.onBinaryRefused(packet.eventName(), acknowledgement(member, packet));
      }
    }
  }

  /** The connection closed: every namespace socket hears it once. */
  public void closed(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    members.values().stream().filter(member -> member.handler != null && !member.left)
      .forEach(member -> member.handler.onDisconnect(reason));
    members.clear();
  }

  public int joined() {
    return (int) members.values().stream().filter(member -> member.handler != null).count();
  }

  private void connect(SocketPacket packet, Member existing) {
    if (existing != null) {
      return; // already joined or joining: a repeated CONNECT changes nothing
    }
    Namespace namespace = namespaces.get(packet.namespace());
    if (namespace == null) {
      link.send(SocketPacket.connectError(packet.namespace(), "Invalid namespace"));
      return;
    }
    Member member = new Member(packet.namespace());
    members.put(packet.namespace(), member);
    JsonObject auth = packet.data() instanceof JsonObject object ? object : new JsonObject();
    namespace.connect(member, auth).onComplete(done -> {
      if (closed || members.get(member.namespace) != member) {
        if (done.succeeded()) {
          done.result().onDisconnect("closed while connecting");
        }
        return;
      }
      if (done.succeeded()) {
        member.handler = done.result();
        link.send(SocketPacket.connected(member.namespace, member.id));
        member.handler.onJoined();
      } else {
        members.remove(member.namespace);
        String message = done.cause() instanceof Namespace.ConnectRefused refused ? refused.getMessage() : "Internal error";
        link.send(SocketPacket.connectError(member.namespace, message));
      }
    });
  }

  private void leave(Member member, String reason) {
    if (members.remove(member.namespace) == member && !member.left) {
      member.left = true;
      member.handler.onDisconnect(reason);
    }
  }

  private NamespaceSocket.Acknowledgement acknowledgement(Member member, SocketPacket packet) {
    if (!packet.wantsAck()) {
      return null;
    }
    long ackId = packet.ackId();
    member.acks.begin(ackId);
    return argument -> {
      if (member.acks.finish(ackId) && member.connected()) {
        link.send(SocketPacket.ack(member.namespace, ackId, argument));
      }
    };
  }
}
