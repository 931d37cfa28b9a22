package io.painguard.simulator.physiology;

import io.painguard.events.ActivityType;
import io.painguard.events.DeviceSource;

/**
 * Everything that decides one device sample.
 *
 * @param eventId unique id of the sample
 * @param athleteId the athlete
 * @param timestampMillis event time
 * @param activity what the athlete is doing
 * @param device the device producing the sample
 * @param deviceId the device's own id (may be null)
 * @param body the athlete's physiology
 * @param intensity current workload as a fraction of heart-rate reserve
 * @param trueHeartRateBpm the model's heart rate at that instant
 * @param secondsIntoActivity how long the current activity has been going on
 * @param peakTrunkFlexionDeg scripted deepest trunk bend, or null for the activity's usual one
 * @param pinnedHeartRateBpm a scripted reading that replaces the model's (a sensor spike), or null
 */
public record SampleRequest(
    String eventId,
    String athleteId,
    long timestampMillis,
    ActivityType activity,
    DeviceSource device,
    String deviceId,
    Physiology body,
    double intensity,
    double trueHeartRateBpm,
    double secondsIntoActivity,
    Double peakTrunkFlexionDeg,
    Integer pinnedHeartRateBpm) {}
