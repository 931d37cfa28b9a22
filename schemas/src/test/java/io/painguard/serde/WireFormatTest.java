package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void readsTheBigEndianSchemaId() {
    byte[] frame = {0x00, 0x01, 0x02, 0x03, 0x04, 0x2A};

    assertThat(WireFormat.schemaIdOf(frame)).isEqualTo(0x01020304);
    assertThat(WireFormat.schemaIdIfFramed(frame)).hasValue(0x01020304);
    assertThat(WireFormat.isFramed(frame)).isTrue();
    assertThat(WireFormat.bodyLength(frame)).isEqualTo(1);
  }

  @Test
  void readsIdsWithTheHighBitSetWithoutSignExtension() {
    byte[] frame = {0x00, 0x00, 0x00, (byte) 0xFF, (byte) 0xFE};

    assertThat(WireFormat.schemaIdOf(frame)).isEqualTo(0xFFFE);
  }

  @Test
  void framesAHeaderAndBody() {
    byte[] framed = WireFormat.frame(258, new byte[] {7, 8});

    assertThat(framed).containsExactly(0x00, 0x00, 0x00, 0x01, 0x02, 7, 8);
  }

  @Test
  void wrongMagicByteIsShownInHex() {
    byte[] json = "{\"eventId\":1}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> WireFormat.schemaIdOf(json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown magic byte 0x7B (expected 0x00)")
        .hasMessageContaining("looks like JSON");
    assertThat(WireFormat.schemaIdIfFramed(json)).isEmpty();
    assertThat(WireFormat.problemWith(new byte[] {1, 0, 0, 0, 1}))
        .hasValueSatisfying(problem -> assertThat(problem).contains("0x01"));
  }

  @Test
  void tooShortEmptyAndNullPayloadsSaySo() {
    assertThatThrownBy(() -> WireFormat.schemaIdOf(new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("too short (3 bytes)");
    assertThatThrownBy(() -> WireFormat.schemaIdOf(new byte[0]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("empty (0 bytes)");
    assertThatThrownBy(() -> WireFormat.validate(null))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("null");
    assertThat(WireFormat.isFramed(new byte[] {0, 0, 0, 0})).isFalse();
  }
}
