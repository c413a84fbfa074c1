package io.gatehouse.contract;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * Reads the binary wire format field by field from a position in a buffer, and writes its one composite
 * field type: a string is an int byte length (-1 for null) followed by that many UTF-8 bytes.
 * A reader is used for one decode only; codecs themselves hold no state.
 */
public final class WireReader {

  private final Buffer buffer;
  private int pos;

  public WireReader(Buffer buffer, int pos) {
    this.buffer = buffer;
    this.pos = pos;
  }

  public static Buffer writeString(Buffer out, String value) {
    if (value == null) {
      return out.appendInt(-1);
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return out.appendInt(bytes.length).appendBytes(bytes);
  }

  public static Buffer writeBoolean(Buffer out, boolean value) {
    return out.appendByte(value ? (byte) 1 : (byte) 0);
  }

  public byte readByte() {
    byte value = buffer.getByte(pos);
    pos += 1;
    return value;
  }

  public boolean readBoolean() {
    return readByte() != 0;
  }

  public int readInt() {
    int value = buffer.getInt(pos);
    pos += 4;
    return value;
  }

  public long readLong() {
    long value = buffer.getLong(pos);
    pos += 8;
    return value;
  }

  public double readDouble() {
    double value = buffer.getDouble(pos);
    pos += 8;
    return value;
  }

  /** An int length followed by that many bytes (written with {@code appendInt(length).appendBytes(bytes)}). */
  public byte[] readBytes() {
    int length = readInt();
    if (length < 0 || length > buffer.length() - pos) {
      throw new IllegalStateException("byte field of length " + length + " overruns the buffer");
    }
    byte[] value = buffer.getBytes(pos, pos + length);
    pos += length;
    return value;
  }

  public String readString() {
    int length = readInt();
    if (length < 0) {
      return null;
    }
    String value = buffer.getString(pos, pos + length, "UTF-8");
    pos += length;
    return value;
  }
}
