package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuidanceSettingsTest {

  @Test
  void defaultsTraceBackToTheGuidance() {
    GuidanceSettings s = GuidanceSettings.defaults();

    assertThat(s.mildCeilingHrrPct()).isEqualTo(70);
    assertThat(s.moderateCeilingHrrPct()).isEqualTo(60);
    assertThat(s.severeCeilingHrrPct()).isEqualTo(50);
    assertThat(s.sustainedWindow()).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.sustainedMinAbove()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.painStaleAfter()).isEqualTo(Duration.ofHours(12));
    assertThat(s.latePainGrace()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.maxTrunkFlexionDeg()).isEqualTo(60);
    assertThat(s.inactivityAfter()).isEqualTo(Duration.ofHours(24));
    assertThat(s.alertCooldown()).isEqualTo(Duration.ofMinutes(15));
    assertThat(s.resolveAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.defaultRestingHeartRateBpm()).isEqualTo(60);
    assertThat(s.tanakaInterceptBpm()).isEqualTo(208);
    assertThat(s.tanakaSlopeBpmPerYear()).isEqualTo(0.7);
    assertThat(s.sampleHold()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.sampleHold()).isLessThan(s.sustainedMinAbove());
    assertThat(s.heartRatePrecedence()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.heartRatePrecedence()).isGreaterThanOrEqualTo(s.sampleHold());
    assertThat(s.ceilingHrrPct(PainBand.NONE)).isEqualTo(-1);
  }

  @Test
  void everyNumberCanBeConfiguredWithItsKey() {
    GuidanceSettings s =
        GuidanceSettings.fromProperties(
            Map.of(
                "painguard.rules.ceiling.mild-hrr-pct", "75",
                "painguard.rules.sustained.min-above", "PT45S",
                "painguard.rules.alerts.cooldown", "10m",
                "painguard.rules.heart-rate.tanaka-slope-bpm-per-year", "0.8",
                "some.other.key", "ignored"));

    assertThat(s.mildCeilingHrrPct()).isEqualTo(75);
    assertThat(s.sustainedMinAbove()).isEqualTo(Duration.ofSeconds(45));
    assertThat(s.alertCooldown()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.tanakaSlopeBpmPerYear()).isEqualTo(0.8);
  }

  @Test
  void toPropertiesListsEveryKeyAndReadsBackTheSame() {
    GuidanceSettings s =
        GuidanceSettings.fromProperties(Map.of("painguard.rules.pain.late-grace", "90s"));

    Map<String, String> properties = s.toProperties();

    assertThat(properties).hasSize(GuidanceSettings.class.getRecordComponents().length);
    assertThat(properties).containsEntry("painguard.rules.pain.late-grace", "90s");
    assertThat(properties).containsEntry("painguard.rules.ceiling.mild-hrr-pct", "70");
    assertThat(GuidanceSettings.fromProperties(properties)).isEqualTo(s);
  }

  @Test
  void anUnknownKeyIsRejectedWithOneSentence() {
    assertThatThrownBy(
            () -> GuidanceSettings.fromProperties(Map.of("painguard.rules.ceiling.mlid", "70")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unknown setting painguard.rules.ceiling.mlid;")
        .hasMessageContaining("ceiling.mild-hrr-pct");
  }

  @Test
  void anInvalidNumberIsRejectedNamingTheKey() {
    assertThatThrownBy(
            () ->
                GuidanceSettings.fromProperties(
                    Map.of("painguard.rules.ceiling.moderate-hrr-pct", "sixty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "painguard.rules.ceiling.moderate-hrr-pct must be an integer between 1 and 100, got 'sixty'.");
  }

  @Test
  void anInvalidDurationIsRejectedNamingTheKey() {
    assertThatThrownBy(
            () -> GuidanceSettings.fromProperties(Map.of("painguard.rules.alerts.cooldown", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("painguard.rules.alerts.cooldown must be a positive duration");
  }

  @Test
  void ceilingsThatRiseWithPainAreRejected() {
    assertThatThrownBy(
            () ->
                GuidanceSettings.fromProperties(
                    Map.of("painguard.rules.ceiling.severe-hrr-pct", "65")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("severe <= moderate <= mild");
  }

  @Test
  void theSampleHoldIsASettingAndReadsBack() {
    GuidanceSettings s =
        GuidanceSettings.fromProperties(Map.of("painguard.rules.sustained.sample-hold", "15s"));

    assertThat(s.sampleHoldSeconds()).isEqualTo(15);
    assertThat(s.toProperties())
        .containsEntry("painguard.rules.sustained.sample-hold", "15s")
        .containsEntry("painguard.rules.intensity.heart-rate-precedence", "30s");
  }

  @Test
  void aSampleHoldOutsideOneToSixtySecondsIsRejectedNamingTheKey() {
    assertThatThrownBy(
            () ->
                GuidanceSettings.fromProperties(
                    Map.of("painguard.rules.sustained.sample-hold", "90s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid guidance settings: painguard.rules.sustained.sample-hold must be between 1 s"
                + " and 60 s, got 90s.");
    assertThatThrownBy(
            () ->
                GuidanceSettings.fromProperties(
                    Map.of("painguard.rules.sustained.sample-hold", "500ms")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid guidance settings: painguard.rules.sustained.sample-hold must be between 1 s"
                + " and 60 s, got 500ms.");
  }

  @Test
  void aSampleHoldThatWouldMakeALoneSampleSustainedIsRejected() {
    // Given: 30 s above the ceiling would be sustained, and one sample stands for 30 s
    Map<String, String> properties = Map.of("painguard.rules.sustained.min-above", "30s");

    // Then: one sample with nothing after it would alert; the settings say so in one sentence
    assertThatThrownBy(() -> GuidanceSettings.fromProperties(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid guidance settings: painguard.rules.sustained.sample-hold (30s) must be shorter"
                + " than painguard.rules.sustained.min-above (30s), or a single sample with nothing"
                + " after it would count as sustained.");
  }

  @Test
  void aHeartRatePrecedenceShorterThanTheHoldIsRejected() {
    assertThatThrownBy(
            () ->
                GuidanceSettings.fromProperties(
                    Map.of("painguard.rules.intensity.heart-rate-precedence", "10s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid guidance settings: painguard.rules.intensity.heart-rate-precedence (10s) must"
                + " be at least painguard.rules.sustained.sample-hold (30s), or a heart rate would"
                + " stop outranking a lesser measurement while its sample still counts.");

    GuidanceSettings both =
        GuidanceSettings.fromProperties(
            Map.of(
                "painguard.rules.intensity.heart-rate-precedence", "10s",
                "painguard.rules.sustained.sample-hold", "10s"));
    assertThat(both.heartRatePrecedenceSeconds()).isEqualTo(both.sampleHoldSeconds()).isEqualTo(10);
  }

  @Test
  void aMinimumAboveLongerThanTheWindowIsRejected() {
    assertThatThrownBy(
            () ->
                GuidanceSettings.fromProperties(
                    Map.of("painguard.rules.sustained.min-above", "3m")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sustained.min-above");
  }
}
