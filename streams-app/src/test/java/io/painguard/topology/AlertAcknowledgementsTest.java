package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The acknowledgements store's value format, pinned byte for byte, and its bound. */
class AlertAcknowledgementsTest {

  private static final Instant T = Instant.ofEpochMilli(0x0102030405L);

  @Test
  void versionOneHasTheseGoldenBytes() {
    // Given one acknowledgement with a note (two bytes of UTF-8 for the e-acute) and one without
    AlertAcknowledgements acks =
        AlertAcknowledgements.NONE
            .with(new Acknowledgement("a1", "c", T, "\u00e9"))
            .with(new Acknowledgement("a1", "admin", T, null));

    // When encoded
    byte[] bytes = acks.encode();

    // Then: version, count, and each field as the class comment describes
    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo("01" + "0002"
            + "0002" + "6131" + "0001" + "63" + "0000000102030405" + "01" + "0002" + "c3a9"
            + "0002" + "6131" + "0005" + "61646d696e" + "0000000102030405" + "00");
    assertThat(AlertAcknowledgements.decode(bytes)).isEqualTo(acks);
  }

  @Test
  void theNewestFiftyAreKept() {
    // Given 51 acknowledgements
    AlertAcknowledgements acks = AlertAcknowledgements.NONE;
    for (int i = 0; i < 51; i++) {
      acks = acks.with(new Acknowledgement("alert-" + i, "c", T.plusSeconds(i), null));
    }

    // When stored and read back
    AlertAcknowledgements read = AlertAcknowledgements.decode(acks.encode());

    // Then the oldest is gone and the rest keep their order
    assertThat(read.all()).hasSize(AlertAcknowledgements.KEPT);
    assertThat(read.all().get(0).alertId()).isEqualTo("alert-1");
    assertThat(read.isAcknowledged("alert-0")).isFalse();
    assertThat(read.newest("alert-50")).isPresent();
  }

  @Test
  void anUnknownVersionOrCutBytesAreRefusedAndNullIsNone() {
    assertThat(AlertAcknowledgements.decode(null)).isEqualTo(AlertAcknowledgements.NONE);
    assertThatThrownBy(() -> AlertAcknowledgements.decode(new byte[] {2, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
    byte[] cut = AlertAcknowledgements.NONE.with(new Acknowledgement("a", "c", T, "note")).encode();
    assertThatThrownBy(() -> AlertAcknowledgements.decode(java.util.Arrays.copyOf(cut, cut.length - 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
  }

  @Test
  void anAcknowledgementPrintsWithoutItsNote() {
    Acknowledgement a = new Acknowledgement("a", "coach-a", T, "she has sciatica again");

    assertThat(a.toString()).doesNotContain("sciatica").contains("22 characters");
    assertThat(AlertAcknowledgements.NONE.with(a).toString()).doesNotContain("sciatica");
  }

  @Test
  void notesOverTheLimitOrWithControlCharactersAreRefusedWithoutBeingQuoted() {
    assertThat(Acknowledgement.noteProblem(null)).isEmpty();
    assertThat(Acknowledgement.noteProblem("\uD83D\uDC4D".repeat(280))).as("280 emoji are 280 characters").isEmpty();
    assertThat(Acknowledgement.noteProblem("y".repeat(281))).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("281").doesNotContain("yyy");
    assertThat(Acknowledgement.noteProblem("line one\nline two")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("control character").doesNotContain("line one");
  }
}
