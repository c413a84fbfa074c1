package io.gatehouse.stomp;

import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One STOMP frame: a command, headers in the order they came (a repeated header keeps its first value, as
 * STOMP 1.2 says) and a body of bytes. {@link #encode} writes it with header escaping (except for CONNECTED,
 * as the spec asks) and a {@code content-length} whenever there is a body.
 */
record StompFrame(String command, Map<String, String> headers, Buffer body) {

  static final Set<String> CLIENT_COMMANDS = Set.of("CONNECT", "STOMP", "SEND", "SUBSCRIBE", "UNSUBSCRIBE", "ACK",
    "NACK", "BEGIN", "COMMIT", "ABORT", "DISCONNECT");

  StompFrame {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? Buffer.buffer() : body;
  }

  static StompFrame of(String command, Map<String, String> headers) {
    return new StompFrame(command, headers, null);
  }

  String header(String name) {
    return headers.get(name);
  }

  boolean is(String name) {
    return command.equals(name);
  }

  /** The body as UTF-8 text (what the eKYC verifier and JSON bodies expect). */
  String bodyAsString() {
    return body.toString(StandardCharsets.UTF_8);
  }

  /** Whether the body is valid UTF-8, so the frame can travel as a WebSocket text message. */
  boolean textual() {
    if (body.length() == 0) {
      return true;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body.getBytes()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  Buffer encode() {
    boolean escape = !command.equals("CONNECTED");
    StringBuilder head = new StringBuilder(command).append('\n');
    headers.forEach((name, value) -> {
      if (!name.equals("content-length")) {
        head.append(escape ? escape(name) : name).append(':').append(escape ? escape(value) : value).append('\n');
      }
    });
    if (body.length() > 0) {
      head.append("content-length:").append(body.length()).append('\n');
    }
    head.append('\n');
    return Buffer.buffer(head.toString()).appendBuffer(body).appendByte((byte) 0);
  }

  /** STOMP 1.2 header escaping: backslash, carriage return, line feed and colon. */
  static String escape(String text) {
    if (text.indexOf('\\') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0 && text.indexOf(':') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case ':' -> out.append("\\c");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The inverse of {@link #escape}; null when {@code text} holds an escape STOMP 1.2 does not define. */
  static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == text.length()) {
        return null;
      }
      switch (text.charAt(i)) {
        case '\\' -> out.append('\\');
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case 'c' -> out.append(':');
        default -> {
          return null;
        }
      }
    }
    return out.toString();
  }
}
