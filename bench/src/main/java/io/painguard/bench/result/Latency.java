package io.painguard.bench.result;

/**
 * The event-to-alert latency at a fixed offered rate.
 *
 * @param offeredRatePerSecond the target rate (load plus probes)
 * @param achievedRatePerSecond what the sender managed
 * @param seconds sending time
 * @param probeShare share of the sends that were probe samples
 * @param probesStarted probe athletes started
 * @param probesTimed probe athletes whose alert was matched to a send
 * @param probesMissing probe athletes that sent a whole episode but had no alert within the wait
 * @param medianTriggerSample median sample number (1 per event-time second) that completed the
 *     evidence: about 60 with the default 60 s of 120 s rule
 * @param otherAlerts alerts read for the load's own athletes meanwhile
 * @param sendToReadable send of the triggering sample to the alert readable with read_committed
 */
public record Latency(
    double offeredRatePerSecond,
    double achievedRatePerSecond,
    double seconds,
    double probeShare,
    int probesStarted,
    int probesTimed,
    int probesMissing,
    int medianTriggerSample,
    long otherAlerts,
    Percentiles sendToReadable) {}
