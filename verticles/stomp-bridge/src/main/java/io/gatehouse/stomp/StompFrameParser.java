package io.gatehouse.stomp;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Splits a byte stream into STOMP frames, with the limits built in: the command and header lines together at
 * most {@code maxHeaderBytes} (a line that never ends is cut off there too), at most {@code maxHeaders}
 * headers, a body of at most {@code maxBodyBytes}. A body is read by its {@code content-length} when the frame
 * has one (so it may hold NUL bytes; the byte after it must be the closing NUL) and up to the first NUL
 * otherwise. Line ends are LF or CRLF; empty lines between frames are heart-beats. Header values of every
 * frame but CONNECT/STOMP are unescaped. The first violation is reported once and parsing stops. Built on
 * Vert.x's {@link RecordParser}; connection-confined, not thread-safe.
 */
final class StompFrameParser {

  private enum State { COMMAND, HEADERS, BODY }

  private final int maxHeaderBytes;
  private final int maxHeaders;
  private final int maxBodyBytes;
  private final RecordParser records;
  private final Consumer<StompFrame> frames;
  private final Consumer<String> errors;
  private State state = State.COMMAND;
  private String command;
  private Map<String, String> headers;
  private int headerBytes;
  private int headerCount;
  private boolean sizedBody;
  private boolean failed;

  StompFrameParser(int maxHeaderBytes, int maxHeaders, int maxBodyBytes, Consumer<StompFrame> frames,
                   Consumer<String> errors) {
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxHeaders = maxHeaders;
    this.maxBodyBytes = maxBodyBytes;
    this.frames = frames;
    this.errors = errors;
    this.records = RecordParser.newDelimited("\n", this::record).maxRecordSize(maxHeaderBytes);
    records.exceptionHandler(tooLong -> fail(state == State.BODY ? "Body larger than " + maxBodyBytes + " bytes"
      : "Header section larger than " + maxHeaderBytes + " bytes"));
  }

  void handle(Buffer chunk) {
    if (!failed) {
      records.handle(chunk);
    }
  }

  private void record(Buffer record) {
    if (failed) {
      return;
    }
    switch (state) {
      case COMMAND -> command(line(record));
      case HEADERS -> header(line(record));
      case BODY -> body(record);
      default -> throw new IllegalStateException();
    }
  }

  private void command(String line) {
    String name = line.startsWith("\0") ? line.replaceFirst("^\0+", "") : line;
    if (name.isEmpty()) {
      return; // a heart-beat
    }
    if (!StompFrame.CLIENT_COMMANDS.contains(name)) {
      fail("Unknown command " + printable(name));
      return;
    }
    command = name;
    headers = new LinkedHashMap<>();
    headerBytes = line.length() + 1;
    headerCount = 0;
    state = State.HEADERS;
  }

  private void header(String line) {
    headerBytes += line.length() + 1;
    if (headerBytes > maxHeaderBytes) {
      fail("Header section larger than " + maxHeaderBytes + " bytes");
      return;
    }
    if (line.isEmpty()) {
      startBody();
      return;
    }
    int colon = line.indexOf(':');
    if (colon <= 0) {
      fail("Malformed header line");
      return;
    }
    if (++headerCount > maxHeaders) {
      fail("More than " + maxHeaders + " headers");
      return;
    }
    boolean escaped = !command.equals("CONNECT") && !command.equals("STOMP");
    String name = escaped ? StompFrame.unescape(line.substring(0, colon)) : line.substring(0, colon);
    String value = escaped ? StompFrame.unescape(line.substring(colon + 1)) : line.substring(colon + 1);
    if (name == null || value == null) {
      fail("Undefined escape sequence in a header");
      return;
    }
    headers.putIfAbsent(name, value);
  }

  private void startBody() {
    String length = headers.get("content-length");
    state = State.BODY;
    if (length == null) {
      sizedBody = false;
      records.maxRecordSize(maxBodyBytes + 1).delimitedMode("\0");
      return;
    }
    String digits = length.trim();
    if (!digits.matches("[0-9]{1,10}") || Long.parseLong(digits) > maxBodyBytes) {
      fail(digits.matches("[0-9]{1,10}") ? "Body larger than " + maxBodyBytes + " bytes" : "Malformed content-length");
      return;
    }
    sizedBody = true;
    records.maxRecordSize(maxBodyBytes + 1).fixedSizeMode(Integer.parseInt(digits) + 1);
  }

  private void body(Buffer record) {
    Buffer body;
    if (sizedBody) {
      if (record.getByte(record.length() - 1) != 0) {
        fail("Body longer than its content-length");
        return;
      }
      body = record.getBuffer(0, record.length() - 1);
    } else if (record.length() > maxBodyBytes) {
      fail("Body larger than " + maxBodyBytes + " bytes");
      return;
    } else {
      body = record;
    }
    state = State.COMMAND;
    records.maxRecordSize(maxHeaderBytes).delimitedMode("\n");
    frames.accept(new StompFrame(command, headers, body));
  }

  private static String line(Buffer record) {
    int end = record.length();
    if (end > 0 && record.getByte(end - 1) == '\r') {
      end--;
    }
    return record.getString(0, end, StandardCharsets.UTF_8.name());
  }

  private static String printable(String text) {
    String shown = text.length() > 32 ? text.substring(0, 32) + "..." : text;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  private void fail(String problem) {
    if (!failed) {
      failed = true;
      errors.accept(problem);
    }
  }
}
