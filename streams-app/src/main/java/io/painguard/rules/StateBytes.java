package io.painguard.rules;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How the stored athlete state writes a string since version 3: a two-byte length (-1 for null),
 * then the UTF-8 bytes. Shared by the parts of {@link AthleteState} that hold strings.
 */
final class StateBytes {

  private StateBytes() {}

  /** Bytes {@link #putString} writes for {@code s}. */
  static int stringSize(String s) {
    return 2 + length(utf8(s));
  }

  static void putString(ByteBuffer out, String s) {
    byte[] bytes = utf8(s);
    if (bytes == null) {
      out.putShort((short) -1);
    } else {
      out.putShort((short) bytes.length).put(bytes);
    }
  }

  static String getString(ByteBuffer in) {
    return utf8(in, in.getShort());
  }

  /**
   * The next {@code length} bytes as UTF-8; null for a negative length (how every stored version
   * writes null). Versions differ only in how they write the length.
   */
  static String utf8(ByteBuffer in, int length) {
    if (length < 0) {
      return null;
    }
    if (length > in.remaining()) {
      throw new IllegalArgumentException("string longer than the state");
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }
}
