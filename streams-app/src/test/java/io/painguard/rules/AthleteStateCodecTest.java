package io.painguard.rules;

import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ActivityType;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AthleteStateCodecTest {

  private final GuidanceSettings settings = GuidanceSettings.defaults();

  @Test
  void aBusyStateSurvivesEncodingUnchanged() {
    GuardScript script = new GuardScript("athlete-7").profile();
    script.pain(
        Events.report("athlete-7", at(0), 5)
            .setTriggers(java.util.List.of(Movement.LIFTING, Movement.BENDING))
            .setSensations(java.util.List.of(PainSensation.NUMBNESS, PainSensation.DULL))
            .setRedFlags(java.util.List.of(RedFlag.FEVER))
            .setNote("never stored")
            .build());
    script.run(10, 100, ActivityType.RUNNING, 165);
    AthleteState before = script.state();

    byte[] bytes = before.encode();
    AthleteState after = AthleteState.decode(bytes, settings);

    assertThat(after.encode()).isEqualTo(bytes);
    assertThat(after.painLevel()).isEqualTo(5);
    assertThat(after.triggers()).containsExactlyInAnyOrder(Movement.LIFTING, Movement.BENDING);
    assertThat(after.medicalSigns().radiculopathySensations()).containsExactly(PainSensation.NUMBNESS);
    assertThat(after.medicalSigns().redFlags()).containsExactly(RedFlag.FEVER);
    assertThat(after.coachId()).isEqualTo("coach-1");
    assertThat(after.lastHeartRateBpm()).isEqualTo(165);
    assertThat(after.lastActivity()).isEqualTo(ActivityType.RUNNING);
    assertThat(after.openSeverity()).isEqualTo(before.openSeverity());
    assertThat(after.openReasons()).isEqualTo(before.openReasons());
    assertThat(after.deadline()).isEqualTo(before.deadline());
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("never stored");
  }

  @Test
  void statesStaySmall() {
    GuardScript script = new GuardScript("athlete-with-a-realistic-id-0042").profile();
    assertThat(script.state().encode().length).as("idle").isLessThan(250);

    script.pain(Events.pain(script.athlete, at(0), 4));
    script.run(0, 200, ActivityType.RUNNING, 150);

    assertThat(script.state().encode().length).as("training").isLessThan(450);
  }

  @Test
  void theDeadlineCanBeReadWithoutDecoding() {
    GuardScript script = new GuardScript("athlete-1");
    script.pain(0, 4);

    byte[] bytes = script.state().encode();

    assertThat(AthleteState.deadlineOf(bytes)).isEqualTo(script.state().deadline());
    assertThat(script.state().deadline()).isEqualTo(at(12 * 3600).toEpochMilli() + 1);
  }

  @Test
  void aStateWrittenByTheFirstLayoutStillDecodes() {
    // Given: a busy state as version 1 wrote it -- today's layout without the trailing
    // lastHeartRateAt
    GuardScript script = new GuardScript("athlete-1").profile();
    script.pain(0, 5);
    script.run(0, 90, ActivityType.RUNNING, 150);
    byte[] current = script.state().encode();
    byte[] version1 = Arrays.copyOf(current, current.length - 8);
    version1[0] = AthleteState.VERSION_1;

    // When
    AthleteState decoded = AthleteState.decode(version1, settings);

    // Then: everything but the new field, which reads as "never"
    assertThat(current[0]).isEqualTo(AthleteState.VERSION_2);
    assertThat(AthleteState.deadlineOf(version1)).isEqualTo(script.state().deadline());
    assertThat(decoded.painLevel()).isEqualTo(5);
    assertThat(decoded.lastHeartRateBpm()).isEqualTo(150);
    assertThat(decoded.openSeverity()).isEqualTo(script.state().openSeverity());
    assertThat(decoded.lastHeartRateAt()).isEqualTo(AthleteState.NONE);
    assertThat(script.state().lastHeartRateAt()).isEqualTo(at(89).toEpochMilli());
    byte[] reencoded = decoded.encode();
    assertThat(Arrays.copyOf(reencoded, reencoded.length - 8)).containsExactly(
        withVersion(version1, AthleteState.VERSION_2));
  }

  @Test
  void anUnknownVersionIsRejected() {
    byte[] bytes = new AthleteState(settings).encode();
    bytes[0] = 99;

    assertThatThrownBy(() -> AthleteState.decode(bytes, settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version");
    assertThat(AthleteState.deadlineOf(bytes)).isEqualTo(AthleteState.NONE);
  }

  @Test
  void truncatedBytesAreRejected() {
    byte[] bytes = new AthleteState(settings).encode();

    assertThatThrownBy(() -> AthleteState.decode(Arrays.copyOf(bytes, bytes.length - 3), settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aStateWrittenWithAnotherWindowLengthKeepsEverythingButTheWindow() {
    GuardScript script = new GuardScript("athlete-1");
    script.pain(0, 4);
    script.run(0, 30, ActivityType.RUNNING, 150);
    GuidanceSettings longer =
        GuidanceSettings.fromProperties(Map.of("painguard.rules.sustained.window", "180s"));

    AthleteState decoded = AthleteState.decode(script.state().encode(), longer);

    assertThat(decoded.painLevel()).isEqualTo(4);
    assertThat(decoded.window.isEmpty()).isTrue();
    assertThat(decoded.window.size()).isEqualTo(180);
  }

  private static byte[] withVersion(byte[] bytes, byte version) {
    byte[] copy = bytes.clone();
    copy[0] = version;
    return copy;
  }
}
