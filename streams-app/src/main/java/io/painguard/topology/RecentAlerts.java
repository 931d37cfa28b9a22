package io.painguard.topology;

import io.painguard.events.ExertionAlert;
import io.painguard.serde.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The value format of {@link PainGuardTopology#ATHLETE_ALERTS_STORE}: an athlete's latest alerts,
 * oldest first, each in Avro single-object encoding (which names its schema by fingerprint, so an
 * alert written by an older schema is skipped rather than misread). Layout: version byte, count
 * byte, then for each alert a 4-byte length and the bytes. Appending never decodes old alerts.
 */
public final class RecentAlerts {

  static final byte VERSION_1 = 1;

  private RecentAlerts() {}

  /** {@code existing} (null for none) with {@code alert} appended, keeping the newest {@code keep}. */
  public static byte[] append(byte[] existing, ExertionAlert alert, int keep) {
    List<byte[]> entries = entries(existing);
    try {
      ByteBuffer encoded = alert.toByteBuffer();
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      entries.add(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<byte[]> kept = entries.subList(Math.max(0, entries.size() - keep), entries.size());
    int size = 2;
    for (byte[] e : kept) {
      size += 4 + e.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION_1).put((byte) kept.size());
    for (byte[] e : kept) {
      out.putInt(e.length).put(e);
    }
    return out.array();
  }

  /** The alerts, oldest first; unreadable entries (another schema, corruption) are left out. */
  public static List<ExertionAlert> decode(byte[] value) {
    AvroTrust.ensureTrusted();
    List<ExertionAlert> alerts = new ArrayList<>();
    for (byte[] entry : entries(value)) {
      try {
        alerts.add(ExertionAlert.fromByteBuffer(ByteBuffer.wrap(entry)));
      } catch (IOException | RuntimeException e) {
        // An alert from an older schema version or a damaged entry: the others still count.
      }
    }
    return alerts;
  }

  private static List<byte[]> entries(byte[] value) {
    List<byte[]> entries = new ArrayList<>();
    if (value == null || value.length < 2 || value[0] != VERSION_1) {
      return entries;
    }
    ByteBuffer in = ByteBuffer.wrap(value);
    in.get();
    int count = in.get() & 0xFF;
    for (int i = 0; i < count && in.remaining() >= 4; i++) {
      int length = in.getInt();
      if (length < 0 || length > in.remaining()) {
        break;
      }
      byte[] entry = new byte[length];
      in.get(entry);
      entries.add(entry);
    }
    return entries;
  }
}
