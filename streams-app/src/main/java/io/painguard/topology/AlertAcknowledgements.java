package io.painguard.topology;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An athlete's acknowledgements, oldest first, as the {@link
 * PainGuardTopology#ACKNOWLEDGEMENTS_STORE} keeps them: at most {@link #KEPT} (the newest), so a
 * store value stays small however long an athlete is followed; the topic keeps the full audit
 * trail.
 *
 * <p>Value format, version 1 (big-endian): a version byte {@code 0x01}, an unsigned 16-bit count,
 * then per acknowledgement the alertId and acknowledgedBy as strings, acknowledgedAt as 8 bytes of
 * epoch milliseconds, and the note as a byte 0 (none) or 1 followed by a string; a string is an
 * unsigned 16-bit length and that many bytes of UTF-8. Golden bytes in {@code
 * AlertAcknowledgementsTest} pin it: a new layout needs a new version byte, and this class must go
 * on reading version 1.
 */
public final class AlertAcknowledgements {

  /** How many acknowledgements are kept per athlete: the newest 50. */
  public static final int KEPT = 50;

  static final byte VERSION_1 = 1;

  public static final AlertAcknowledgements NONE = new AlertAcknowledgements(List.of());

  private final List<Acknowledgement> oldestFirst;

  private AlertAcknowledgements(List<Acknowledgement> oldestFirst) {
    this.oldestFirst = List.copyOf(oldestFirst);
  }

  /** These acknowledgements and {@code added} (unless it is already here), the newest {@link #KEPT}. */
  public AlertAcknowledgements with(Acknowledgement added) {
    if (oldestFirst.contains(added)) {
      return this; // the same record read twice (a replay): one acknowledgement, not two
    }
    List<Acknowledgement> all = new ArrayList<>(oldestFirst);
    all.add(added);
    return new AlertAcknowledgements(all.subList(Math.max(0, all.size() - KEPT), all.size()));
  }

  /** Every acknowledgement kept, oldest first. */
  public List<Acknowledgement> all() {
    return oldestFirst;
  }

  /** The acknowledgements of one alert, oldest first (every coach's). */
  public List<Acknowledgement> forAlert(String alertId) {
    return oldestFirst.stream().filter(a -> a.alertId().equals(alertId)).toList();
  }

  /** The newest acknowledgement of one alert, if any. */
  public Optional<Acknowledgement> newest(String alertId) {
    List<Acknowledgement> mine = forAlert(alertId);
    return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
  }

  /** Whether anyone has acknowledged the alert. */
  public boolean isAcknowledged(String alertId) {
    return oldestFirst.stream().anyMatch(a -> a.alertId().equals(alertId));
  }

  public boolean isEmpty() {
    return oldestFirst.isEmpty();
  }

  /** The store value. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 64 * oldestFirst.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION_1);
      out.writeShort(oldestFirst.size());
      for (Acknowledgement a : oldestFirst) {
        string(out, a.alertId());
        string(out, a.acknowledgedBy());
        out.writeLong(a.acknowledgedAt().toEpochMilli());
        if (a.note() == null) {
          out.writeByte(0);
        } else {
          out.writeByte(1);
          string(out, a.note());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a store value; null means none.
   *
   * @throws IllegalArgumentException for another version or damaged bytes
   */
  public static AlertAcknowledgements decode(byte[] value) {
    if (value == null) {
      return NONE;
    }
    if (value.length < 3 || value[0] != VERSION_1) {
      throw new IllegalArgumentException(
          "Acknowledgements in an unknown format (version " + (value.length == 0 ? "none" : value[0]) + ").");
    }
    ByteBuffer in = ByteBuffer.wrap(value, 1, value.length - 1);
    try {
      int count = Short.toUnsignedInt(in.getShort());
      List<Acknowledgement> read = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String alertId = string(in);
        String by = string(in);
        Instant at = Instant.ofEpochMilli(in.getLong());
        String note = in.get() == 0 ? null : string(in);
        read.add(new Acknowledgement(alertId, by, at, note));
      }
      return new AlertAcknowledgements(read);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("Acknowledgements cut short (" + value.length + " bytes).", e);
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > 0xFFFF) {
      throw new IllegalArgumentException("A string of " + utf8.length + " bytes does not fit the format.");
    }
    out.writeShort(utf8.length);
    out.write(utf8);
  }

  private static String string(ByteBuffer in) {
    byte[] utf8 = new byte[Short.toUnsignedInt(in.getShort())];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertAcknowledgements other && other.oldestFirst.equals(oldestFirst);
  }

  @Override
  public int hashCode() {
    return oldestFirst.hashCode();
  }

  @Override
  public String toString() {
    return "AlertAcknowledgements" + oldestFirst; // Acknowledgement's own toString leaves notes out
  }
}
