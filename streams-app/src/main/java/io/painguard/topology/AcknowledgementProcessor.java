package io.painguard.topology;

import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.ExertionAlert;
import io.painguard.rules.AthleteSignal;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps coaches' acknowledgements of alerts in the {@link PainGuardTopology#ACKNOWLEDGEMENTS_STORE}
 * (athleteId -> {@link AlertAcknowledgements}, oldest first, the newest {@link
 * AlertAcknowledgements#KEPT}), where the API reads them.
 *
 * <p>An acknowledgement of an alert that is not among the athlete's recent alerts (in the {@link
 * PainGuardTopology#ATHLETE_ALERTS_STORE}) is dead-lettered with reason INVALID rather than kept:
 * the API only offers the recent alerts, so such a record was written by something else, or
 * arrived after the athlete was erased -- keeping it would bring back a note about an athlete
 * who asked to be forgotten. The processor shares its sub-topology (and task) with {@link
 * AthleteGuardProcessor}, whose erasure deletes the athlete's acknowledgements too.
 *
 * <p>Forwards nothing but those dead letters. Never logs a note.
 */
final class AcknowledgementProcessor implements Processor<byte[], Decoded, byte[], Decoded> {

  private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementProcessor.class);

  private ProcessorContext<byte[], Decoded> context;
  private KeyValueStore<String, byte[]> acknowledgements;
  private KeyValueStore<String, byte[]> alerts;
  private DeadLetterCounter counter = new DeadLetterCounter();

  @Override
  public void init(ProcessorContext<byte[], Decoded> context) {
    this.context = context;
    this.acknowledgements = context.getStateStore(PainGuardTopology.ACKNOWLEDGEMENTS_STORE);
    this.alerts = context.getStateStore(PainGuardTopology.ATHLETE_ALERTS_STORE);
    if (context.appConfigs().get(PainGuardStreamsConfig.DEAD_LETTER_COUNTER) instanceof DeadLetterCounter c) {
      this.counter = c;
    }
  }

  @Override
  public void process(Record<byte[], Decoded> record) {
    AlertAcknowledgement ack = ((AthleteSignal.Acknowledged) record.value().signal()).acknowledgement();
    String athleteId = ack.getAthleteId();
    if (!isRecentAlert(athleteId, ack.getAlertId())) {
      deadLetter(record, "alertId " + ack.getAlertId() + " is not among the recent alerts of athlete "
          + athleteId + " (never raised, long gone, or the athlete was erased).");
      return;
    }
    AlertAcknowledgements kept = AlertAcknowledgements.decode(acknowledgements.get(athleteId));
    acknowledgements.put(athleteId, kept.with(Acknowledgement.of(ack)).encode());
    LOG.debug("Alert {} of athlete {} acknowledged by {}", ack.getAlertId(), athleteId, ack.getAcknowledgedBy());
  }

  private boolean isRecentAlert(String athleteId, String alertId) {
    for (ExertionAlert alert : RecentAlerts.decode(alerts.get(athleteId))) {
      if (alert.getAlertId().equals(alertId)) {
        return true;
      }
    }
    return false;
  }

  private void deadLetter(Record<byte[], Decoded> record, String sentence) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    String topic = meta == null ? "" : meta.topic();
    int partition = meta == null ? -1 : meta.partition();
    long offset = meta == null ? -1 : meta.offset();
    LOG.warn("Dead-lettering record {}-{}@{}: {} (an acknowledgement of an unknown alert)",
        topic, partition, offset, DeadLetters.Reason.INVALID);
    counter.increment(DeadLetters.Reason.INVALID);
    Headers headers =
        DeadLetters.headers(
            record.headers(), topic, partition, offset, DeadLetters.Reason.INVALID,
            InvalidRecordException.class.getName(), sentence);
    context.forward(
        new Record<>(record.key(), Decoded.deadLetter(DeadLetters.Reason.INVALID, record.value().rawValue()),
            record.timestamp(), headers));
  }
}
