package io.gatehouse.contract;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Codec for hot-path records: locally the record itself travels (records are immutable), across the
 * cluster one format-version byte followed by the record's fields in a fixed order (big-endian numbers,
 * length-prefixed UTF-8 strings, see {@link WireReader}). Stateless.
 */
public final class BinaryRecordCodec<T> implements MessageCodec<T, T> {

  /** Appends a record's fields, without the version byte. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(T value, Buffer out);
  }

  /** Reads a record's fields, the version byte already consumed. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(WireReader in);
  }

  private final String name;
  private final Class<T> type;
  private final byte version;
  private final Writer<T> writer;
  private final Reader<T> reader;

  public BinaryRecordCodec(Class<T> type, int version, Writer<T> writer, Reader<T> reader) {
    this.name = "gatehouse.bin." + type.getSimpleName();
    this.type = type;
    this.version = (byte) version;
    this.writer = writer;
    this.reader = reader;
  }

  public Class<T> type() {
    return type;
  }

  /** The wire form of one record, as it follows the bus's own header. */
  public Buffer encode(T value) {
    Buffer out = Buffer.buffer();
    encodeToWire(out, value);
    return out;
  }

  public T decode(Buffer wire) {
    return decodeFromWire(0, wire);
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    buffer.appendByte(version);
    writer.write(value, buffer);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    WireReader in = new WireReader(buffer, pos);
    byte found = in.readByte();
    if (found != version) {
      throw new IllegalStateException(name + ": unsupported format version " + found + ", expected " + version);
    }
    return reader.read(in);
  }

  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
