package io.painguard.simulator.scenario;

/**
 * An athlete's profile. Fields left out are left out of the published AthleteProfile too (so the
 * app has to estimate them); the simulated body then uses the defaults below.
 *
 * @param birthYear year of birth (body default: 1990)
 * @param restingHeartRate resting heart rate, bpm (body default: 60)
 * @param maxHeartRate maximum heart rate, bpm (body default: Tanaka from the birth year)
 * @param coachId the athlete's coach
 * @param peakPower watts at 100 % HRR on a bike or rower (body only, never published; default 250)
 * @param publish whether to publish the profile to athlete-profiles (default true)
 */
public record ProfileSpec(
    Integer birthYear,
    Integer restingHeartRate,
    Integer maxHeartRate,
    String coachId,
    Integer peakPower,
    Boolean publish) {

  public ProfileSpec {
    publish = publish == null || publish;
  }
}
