package io.painguard.rules;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Writes the golden files of the version checked out; see {@link GoldenStates}. */
class CaptureGoldenTest {

  @Test
  @EnabledIfSystemProperty(named = "painguard.golden.write", matches = "v1\\+v2")
  void captureVersions1And2() {
    for (String name : new String[] {"busy", "idle"}) {
      byte[] v2 = (name.equals("busy") ? GoldenStates.busy() : GoldenStates.idle()).state().encode();
      GoldenStates.write(name + ".v2.bin", v2);
      // Version 1 wrote the same layout without the trailing lastHeartRateAt.
      byte[] v1 = Arrays.copyOf(v2, v2.length - 8);
      v1[0] = 1;
      GoldenStates.write(name + ".v1.bin", v1);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "painguard.golden.write", matches = "v3")
  void captureVersion3() {
    GoldenStates.write("busy.v3.bin", GoldenStates.busy().state().encode());
    GoldenStates.write("idle.v3.bin", GoldenStates.idle().state().encode());
  }

  @Test
  @EnabledIfSystemProperty(named = "painguard.golden.write", matches = "v4")
  void captureVersion4() {
    GoldenStates.write("busy.v4.bin", GoldenStates.busy().state().encode());
    GoldenStates.write("idle.v4.bin", GoldenStates.idle().state().encode());
  }
}
