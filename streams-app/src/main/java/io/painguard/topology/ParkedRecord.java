package io.painguard.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An input record kept in the {@link PainGuardTopology#REGISTRY_WAITS_STORE} while the schema
 * registry cannot serve a schema: everything needed to process it later exactly as if it had just
 * arrived (its bytes, headers and timestamp) or to dead-letter it (where it came from).
 */
record ParkedRecord(
    String topic,
    int partition,
    long offset,
    long timestamp,
    long parkedAt,
    byte[] key,
    byte[] value,
    Headers headers) {

  private static final byte FORMAT = 1;

  byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + value.length + key.length);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT);
      out.writeUTF(topic);
      out.writeInt(partition);
      out.writeLong(offset);
      out.writeLong(timestamp);
      out.writeLong(parkedAt);
      writeBytes(out, key);
      writeBytes(out, value);
      Header[] all = headers == null ? new Header[0] : headers.toArray();
      out.writeInt(all.length);
      for (Header h : all) {
        out.writeUTF(h.key());
        writeBytes(out, h.value());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParkedRecord decode(byte[] stored) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored));
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown parked-record format " + format);
      }
      String topic = in.readUTF();
      int partition = in.readInt();
      long offset = in.readLong();
      long timestamp = in.readLong();
      long parkedAt = in.readLong();
      byte[] key = readBytes(in);
      byte[] value = readBytes(in);
      int count = in.readInt();
      RecordHeaders headers = new RecordHeaders();
      for (int i = 0; i < count; i++) {
        headers.add(in.readUTF(), readBytes(in));
      }
      return new ParkedRecord(topic, partition, offset, timestamp, parkedAt, key, value, headers);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable parked record", e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    if (b == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] b = new byte[length];
    in.readFully(b);
    return b;
  }
}
