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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    assertThat(script.state().encode().length).as("idle").isLessThan(150); // version 2: 246

    script.pain(Events.pain(script.athlete, at(0), 4));
    script.run(0, 200, ActivityType.RUNNING, 150);

    assertThat(script.state().encode().length).as("training 200 s").isLessThan(480); // v2: 420; v4: 453 (onset and sensations per report, referral, trend)

    // The history of the lateness bound (15 min): one byte a second of heart rate, activity runs.
    script.run(200, 1500, ActivityType.RUNNING, 150);
    assertThat(script.state().encode().length).as("training 25 min").isLessThan(1350); // v4: 1305
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
  void anUnknownVersionIsRejected() {
    byte[] bytes = new AthleteState(settings).encode();
    bytes[0] = 99;

    assertThatThrownBy(() -> AthleteState.decode(bytes, settings))
        .isInstanceOfSatisfying(
            UnreadableStateException.class, e -> assertThat(e.version()).isEqualTo(99))
        .hasMessageContaining("version");
    assertThat(AthleteState.deadlineOf(bytes)).isEqualTo(AthleteState.NONE);
  }

  @Test
  void truncatedBytesAreRejected() {
    byte[] bytes = new AthleteState(settings).encode();

    assertThatThrownBy(() -> AthleteState.decode(Arrays.copyOf(bytes, bytes.length - 3), settings))
        .isInstanceOf(UnreadableStateException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aStateOfAnyVersionReEncodesAsTheCurrentVersion() {
    AthleteState upgraded = AthleteState.decode(GoldenStates.read("busy.v2.bin"), settings);

    byte[] current = upgraded.encode();

    assertThat(AthleteState.versionOf(current)).isEqualTo(AthleteState.VERSION_4);
    assertThat(AthleteState.decode(current, settings).encode()).isEqualTo(current);
  }

  @ParameterizedTest
  @ValueSource(strings = {"busy.v4.bin", "idle.v4.bin"})
  void aVersion4StateReEncodesToItsGoldenBytes(String file) {
    // Given: the bytes the released version 4 wrote (never regenerated)
    byte[] golden = GoldenStates.read(file);

    // When: read and written again by today's code
    byte[] again = AthleteState.decode(golden, settings).encode();

    // Then: byte for byte the same -- the current layout is still version 4's
    assertThat(again).isEqualTo(golden);
  }
}
