package io.painguard.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * One thread's reusable output: a growable, unsynchronised byte buffer with a buffered Avro encoder
 * bound to it once. After warm-up a record costs one allocation here, the returned frame.
 *
 * <p>Not thread-safe; {@link FramedAvroWriter} keeps one per thread. After a failed write the
 * encoder may hold part of a record, so the owner must drop the buffer and use a fresh one.
 */
final class EncodeBuffer extends OutputStream {

  private static final int INITIAL_SIZE = 512;
  /** Larger buffers (a rare huge record) are released after use rather than kept per thread. */
  private static final int MAX_RETAINED_SIZE = 1 << 20;

  private byte[] buf = new byte[INITIAL_SIZE];
  private int count;
  private final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(this, null);

  /** Header for {@code schemaId} followed by {@code record} written with {@code writer}. */
  byte[] frame(int schemaId, DatumWriter<Object> writer, Object record) throws IOException {
    count = WireFormat.HEADER_SIZE;
    WireFormat.writeHeader(buf, 0, schemaId);
    writer.write(record, encoder);
    encoder.flush();
    byte[] framed = Arrays.copyOf(buf, count);
    if (buf.length > MAX_RETAINED_SIZE) {
      buf = new byte[INITIAL_SIZE];
    }
    count = 0;
    return framed;
  }

  @Override
  public void write(int b) {
    ensureCapacity(count + 1);
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    ensureCapacity(count + length);
    System.arraycopy(bytes, offset, buf, count, length);
    count += length;
  }

  private void ensureCapacity(int needed) {
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
    }
  }
}
