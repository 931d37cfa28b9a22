package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.Limb;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MedicalSignsTest {

  @ParameterizedTest
  @EnumSource(names = {"ELECTRIC", "PINS_AND_NEEDLES", "BURNING", "NUMBNESS", "WEAKNESS"})
  void eachRadiculopathySensationIsASign(PainSensation sensation) {
    MedicalSigns signs = MedicalSigns.of(List.of(PainSensation.ACHING, sensation), List.of(), List.of());

    assertThat(signs.radiculopathy()).isTrue();
    assertThat(signs.redFlag()).isFalse();
    assertThat(signs.radiculopathySensations()).containsExactly(sensation);
  }

  @ParameterizedTest
  @EnumSource(names = {"UNKNOWN", "DULL", "ACHING", "STIFFNESS", "SPASM", "SHARP", "STABBING"})
  void otherSensationsAreNot(PainSensation sensation) {
    assertThat(MedicalSigns.of(List.of(sensation), List.of(), List.of()).any()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Limb.class)
  void painRadiatingToAnyLimbIsASign(Limb limb) {
    assertThat(MedicalSigns.of(List.of(), List.of(limb), List.of()).radiculopathy()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = RedFlag.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void eachRedFlagIsASign(RedFlag flag) {
    MedicalSigns signs = MedicalSigns.of(List.of(), List.of(), List.of(flag));

    assertThat(signs.redFlag()).isTrue();
    assertThat(signs.radiculopathy()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = RedFlag.class, names = "UNKNOWN")
  void anUnknownRedFlagSymbolIsNot(RedFlag flag) {
    assertThat(MedicalSigns.of(List.of(), List.of(), List.of(flag)).any()).isFalse();
  }
}
