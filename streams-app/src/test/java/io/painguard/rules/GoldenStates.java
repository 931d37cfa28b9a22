package io.painguard.rules;

import static io.painguard.fixtures.Events.at;

import io.painguard.events.ActivityType;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The athlete histories behind the golden state files in {@code src/test/resources/athlete-state}:
 * every released encoding of these histories is committed there, so each version's decoder is
 * tested against the bytes that version really wrote (not against bytes today's code makes up).
 *
 * <p>Files are written only by hand, on purpose, once per released version: {@code
 * -Dpainguard.golden.write=vN} with the code of that version checked out.
 */
final class GoldenStates {

  static final String DIR = "src/test/resources/athlete-state/";

  private GoldenStates() {}

  /**
   * A busy athlete: profile, a level-5 report with triggers, radiculopathy, radiating pain and a
   * red flag, then 90 s of running at 165 bpm -- an alert is open.
   */
  static GuardScript busy() {
    GuardScript script = new GuardScript("athlete-7").profile();
    script.pain(Events.pain("athlete-7", at(0), 3));
    script.run(1, 40, ActivityType.WALKING, 100);
    script.pain(
        Events.report("athlete-7", at(40), 5)
            .setTriggers(List.of(Movement.LIFTING, Movement.BENDING))
            .setSensations(List.of(PainSensation.NUMBNESS, PainSensation.DULL))
            .setRadiatesTo(List.of(Limb.LEFT_LEG))
            .setRedFlags(List.of(RedFlag.FEVER))
            .setNote("never stored")
            .build());
    script.run(41, 131, ActivityType.RUNNING, 165);
    return script;
  }

  /** An athlete with a profile and nothing else. */
  static GuardScript idle() {
    return new GuardScript("athlete-with-a-realistic-id-0042").profile();
  }

  static byte[] read(String name) {
    try {
      return Files.readAllBytes(Path.of(DIR + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(String name, byte[] bytes) {
    try {
      Files.write(Path.of(DIR + name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
