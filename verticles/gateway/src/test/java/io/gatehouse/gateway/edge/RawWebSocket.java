package io.gatehouse.gateway.edge;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * A WebSocket client written over a {@link RawConnection}, for tests that must send what no library would: a
 * frame header announcing more than the server takes, reserved bits, bad opcodes, broken masks.
 */
public final class RawWebSocket implements AutoCloseable {

  /** A frame as read from the server. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    public boolean isClose() {
      return opcode == 8;
    }

    /** The close code of a close frame (1005 when it has none). */
    public int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }
  }

  private final RawConnection connection;
  private final DataInputStream in;
  private final Random masks = new Random(7);

  private RawWebSocket(RawConnection connection) {
    this.connection = connection;
    this.in = new DataInputStream(connection.input());
  }

  /** Opens {@code path} with a plain upgrade; fails unless the server answers 101. */
  public static RawWebSocket open(int port, String path, int readTimeoutMs) {
    return open("127.0.0.1", port, path, readTimeoutMs);
  }

  /** From {@code localAddress} (any 127.x.y.z on Linux loopback). */
  public static RawWebSocket open(String localAddress, int port, String path, int readTimeoutMs) {
    RawConnection connection = RawConnection.open(localAddress, port, readTimeoutMs);
    String key = Base64.getEncoder().encodeToString("gatehouse-raw-key".getBytes(StandardCharsets.US_ASCII));
    connection.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
      + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    String head = connection.readResponse();
    if (!head.startsWith("HTTP/1.1 101")) {
      connection.close();
      throw new AssertionError("no upgrade: " + head);
    }
    return new RawWebSocket(connection);
  }

  public void sendText(String text) {
    send(0x81, text.getBytes(StandardCharsets.UTF_8));
  }

  /** One masked frame: {@code firstByte} holds FIN, RSV and the opcode. */
  public void send(int firstByte, byte[] payload) {
    byte[] header = header(firstByte, payload.length);
    byte[] mask = new byte[4];
    masks.nextBytes(mask);
    byte[] frame = new byte[header.length + 4 + payload.length];
    System.arraycopy(header, 0, frame, 0, header.length);
    System.arraycopy(mask, 0, frame, header.length, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[header.length + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    connection.write(frame);
  }

  /** Only the header of a masked frame announcing {@code length} payload bytes, and {@code sent} of them. */
  public void sendAnnounced(int firstByte, long length, int sent) {
    byte[] header = header(firstByte, length);
    byte[] frame = new byte[header.length + 4 + sent];
    System.arraycopy(header, 0, frame, 0, header.length);
    connection.write(frame);
  }

  /** Bytes as they are, frame boundaries or not. */
  public boolean sendRaw(byte[] bytes) {
    return connection.write(bytes);
  }

  /** The next frame, or null when the server closed the connection without one. */
  public Frame read() {
    try {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      return new Frame(first & 0x0f, payload);
    } catch (EOFException | SocketException e) {
      return null;
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no frame and no close from the server in time");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Frames until a close frame (returned) or the end of the connection (null). */
  public Frame readUntilClose() {
    for (Frame frame = read(); frame != null; frame = read()) {
      if (frame.isClose()) {
        return frame;
      }
    }
    return null;
  }

  private static byte[] header(int firstByte, long length) {
    if (length < 126) {
      return new byte[] {(byte) firstByte, (byte) (0x80 | length)};
    }
    if (length <= 0xffff) {
      return new byte[] {(byte) firstByte, (byte) (0x80 | 126), (byte) (length >> 8), (byte) length};
    }
    byte[] header = new byte[10];
    header[0] = (byte) firstByte;
    header[1] = (byte) (0x80 | 127);
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (length >> (56 - 8 * i));
    }
    return header;
  }

  @Override
  public void close() {
    connection.close();
  }
}
