package io.gatehouse.gateway.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A plain blocking TCP connection for tests that must control every byte (slow senders, idle sockets, many
 * sockets from one address). Reads time out after {@code readTimeoutMs}, so a server that never closes fails
 * the test instead of hanging it.
 */
public final class RawConnection implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects to 127.0.0.1:{@code port} from {@code localAddress} (any 127.x.y.z works on Linux loopback). */
  public static RawConnection open(String localAddress, int port, int readTimeoutMs) {
    try {
      Socket socket = new Socket();
      socket.setSoTimeout(readTimeoutMs);
      socket.setTcpNoDelay(true);
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      return new RawConnection(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RawConnection open(int port, int readTimeoutMs) {
    return open("127.0.0.1", port, readTimeoutMs);
  }

  /** Writes; false when the server has already closed the connection. */
  public boolean write(String text) {
    return write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public boolean write(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads until the server closes the connection and returns everything read; throws when the read timeout
   * passes first (the server kept the connection open).
   */
  public String readUntilClosed() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        all.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the connection open; read so far: " + text(all));
    } catch (SocketException e) {
      // reset by the server: closed as well
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text(all);
  }

  /** Whether the server has closed the connection: reads what is pending, waiting up to the read timeout. */
  public boolean closedByServer() {
    try {
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) >= 0; ) {
        // drain
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Sends {@code text} one byte per {@code pauseMs} (a slow sender) and returns what the server answered once
   * it closed the connection, or throws when the whole text went out with the connection still open.
   */
  public String trickleUntilClosed(String text, int pauseMs) {
    try {
      int readTimeout = socket.getSoTimeout();
      socket.setSoTimeout(pauseMs);
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      for (int i = 0; i < text.length(); i++) {
        if (!write(text.substring(i, i + 1))) {
          return text(answer);
        }
        try {
          byte[] chunk = new byte[8192];
          int n = in.read(chunk);
          if (n < 0) {
            return text(answer);
          }
          answer.write(chunk, 0, n);
        } catch (SocketTimeoutException e) {
          // still open: next byte
        } catch (SocketException e) {
          return text(answer);
        }
      }
      socket.setSoTimeout(readTimeout);
      throw new AssertionError("the server let a slow sender deliver all " + text.length() + " bytes; answered: "
        + text(answer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one HTTP response head and a body of its Content-Length; the connection stays usable. */
  public String readResponse() {
    try {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!text(head).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new AssertionError("closed before a response: " + text(head));
        }
        head.write(b);
      }
      String headText = text(head);
      int length = 0;
      for (String line : headText.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      return headText + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public InputStream input() {
    return in;
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.ISO_8859_1);
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
