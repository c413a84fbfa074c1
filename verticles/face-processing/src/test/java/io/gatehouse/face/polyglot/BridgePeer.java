package io.gatehouse.face.polyglot;

import io.vertx.core.json.JsonObject;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A bridge peer written by hand over a blocking socket (the protocol's length-prefixed JSON frames), for
 * what a real worker never does: register without the secret, or answer garbage.
 */
public final class BridgePeer implements AutoCloseable {

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  private BridgePeer(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = new DataOutputStream(socket.getOutputStream());
    socket.setSoTimeout(10_000);
  }

  public static BridgePeer connect(int port) {
    try {
      return new BridgePeer(new Socket("127.0.0.1", port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void send(JsonObject frame) {
    byte[] json = frame.encode().getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.allocate(4 + json.length).putInt(json.length).put(json);
    sendRaw(bytes.array());
  }

  /** Writes {@code bytes} as they are (false when the node has closed the connection meanwhile). */
  public boolean sendRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /** Ends the peer's side of the connection, as a peer that stops in the middle of a frame. */
  public void shutdownOutput() {
    try {
      socket.shutdownOutput();
    } catch (IOException ignored) {
      // already closed
    }
  }

  public void register(String address, String secret) {
    JsonObject frame = new JsonObject().put("type", "register").put("address", address);
    if (secret != null) {
      frame.put("headers", new JsonObject().put("secret", secret));
    }
    send(frame);
  }

  /** The next frame, or null when the node closed the connection. */
  public JsonObject read() {
    try {
      int length = in.readInt();
      byte[] json = in.readNBytes(length);
      return new JsonObject(new String(json, StandardCharsets.UTF_8));
    } catch (EOFException closed) {
      return null;
    } catch (SocketTimeoutException e) {
      throw new IllegalStateException("no frame from the bridge within 10 s", e);
    } catch (IOException e) {
      return null;
    }
  }

  /** Answers every request with {@code answer(body)} until the connection closes (on a daemon thread). */
  public void serve(Function<JsonObject, Object> answer) {
    Thread thread = new Thread(() -> {
      try {
        socket.setSoTimeout(0);
      } catch (IOException e) {
        return;
      }
      for (JsonObject frame = read(); frame != null; frame = read()) {
        if ("message".equals(frame.getString("type")) && frame.getString("replyAddress") != null) {
          send(new JsonObject().put("type", "send").put("address", frame.getString("replyAddress"))
            .put("body", answer.apply(frame.getJsonObject("body"))));
        }
      }
    }, "bridge-peer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
