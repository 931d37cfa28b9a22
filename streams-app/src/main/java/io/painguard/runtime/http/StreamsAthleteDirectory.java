package io.painguard.runtime.http;

import io.painguard.rules.AthleteState;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.GuidanceSettings;
import io.painguard.topology.AlertAcknowledgements;
import io.painguard.topology.PainGuardTopology;
import io.painguard.topology.RecentAlerts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers from the topology's state stores with interactive queries v2: finds the instance that
 * owns an athlete's partition, and reads the active store when that is this instance.
 */
public final class StreamsAthleteDirectory implements AthleteDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsAthleteDirectory.class);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final GuidanceSettings guidance;

  public StreamsAthleteDirectory(KafkaStreams streams, HostInfo self, GuidanceSettings guidance) {
    this.streams = streams;
    this.self = self;
    this.guidance = guidance;
  }

  @Override
  public Lookup find(String athleteId) {
    KeyQueryMetadata owner;
    try {
      owner =
          streams.queryMetadataForKey(
              PainGuardTopology.ATHLETE_STATE_STORE, athleteId, Serdes.String().serializer());
    } catch (RuntimeException e) {
      return new Unavailable("Kafka Streams is " + streams.state() + ".");
    }
    if (owner == null
        || owner == KeyQueryMetadata.NOT_AVAILABLE
        || owner.activeHost() == null
        || HostInfo.unavailable().equals(owner.activeHost())) {
      return new Unavailable("No instance owns this athlete right now (rebalancing).");
    }
    if (!self.equals(owner.activeHost())) {
      return new Elsewhere(owner.activeHost().host() + ":" + owner.activeHost().port());
    }
    try {
      byte[] state = get(PainGuardTopology.ATHLETE_STATE_STORE, athleteId, owner.partition());
      if (state == null) {
        return new Unknown();
      }
      byte[] alerts = get(PainGuardTopology.ATHLETE_ALERTS_STORE, athleteId, owner.partition());
      AthleteStatus status = AthleteStatus.of(athleteId, AthleteState.decode(state, guidance), guidance);
      return new Found(status, RecentAlerts.decode(alerts), acknowledgements(athleteId, owner.partition()));
    } catch (StoreUnavailable e) {
      return new Unavailable(e.getMessage());
    } catch (IllegalArgumentException e) {
      LOG.warn("Stored state of athlete {} is unreadable: {}", athleteId, e.getMessage());
      return new Unavailable("The stored state of this athlete cannot be read.");
    }
  }

  /** Unreadable acknowledgements (a format from a newer build) hide nothing else about the athlete. */
  private AlertAcknowledgements acknowledgements(String athleteId, int partition) {
    try {
      return AlertAcknowledgements.decode(get(PainGuardTopology.ACKNOWLEDGEMENTS_STORE, athleteId, partition));
    } catch (IllegalArgumentException e) {
      LOG.warn("Acknowledgements of athlete {} are unreadable: {}", athleteId, e.getMessage());
      return AlertAcknowledgements.NONE;
    }
  }

  private byte[] get(String store, String athleteId, int partition) {
    StateQueryRequest<byte[]> request =
        StateQueryRequest.inStore(store)
            .withQuery(KeyQuery.<String, byte[]>withKey(athleteId))
            .withPartitions(Set.of(partition))
            .requireActive();
    StateQueryResult<byte[]> result;
    try {
      result = streams.query(request);
    } catch (RuntimeException e) {
      throw new StoreUnavailable("Kafka Streams is " + streams.state() + ".");
    }
    QueryResult<byte[]> answer = result.getPartitionResults().get(partition);
    if (answer == null || answer.isFailure()) {
      throw new StoreUnavailable(
          "The store of this athlete is not queryable right now"
              + (answer == null ? "" : " (" + answer.getFailureReason() + ")")
              + ".");
    }
    return answer.getResult();
  }

  @Override
  public List<AthleteStatus> localInEpisode(Caller caller, int limit) {
    StateQueryRequest<KeyValueIterator<String, byte[]>> request =
        StateQueryRequest.inStore(PainGuardTopology.ATHLETE_STATE_STORE)
            .withQuery(RangeQuery.<String, byte[]>withNoBounds())
            .requireActive();
    StateQueryResult<KeyValueIterator<String, byte[]>> result;
    try {
      result = streams.query(request);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Kafka Streams is " + streams.state() + ".");
    }
    List<AthleteStatus> found = new ArrayList<>();
    for (QueryResult<KeyValueIterator<String, byte[]>> partition : result.getPartitionResults().values()) {
      if (partition.isFailure()) {
        // A partition moving away mid-query: skip it, its new owner lists it.
        continue;
      }
      try (KeyValueIterator<String, byte[]> all = partition.getResult()) {
        while (all.hasNext()) {
          KeyValue<String, byte[]> entry = all.next();
          AthleteStatus status = statusOrNull(entry.key, entry.value);
          if (status != null
              && caller.maySee(status.coachId())
              && (status.painActive() || status.openSeverity() != null)) {
            found.add(status);
          }
        }
      }
    }
    found.sort(EPISODE_ORDER);
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
  }

  /** Most severe open alert first, then highest pain, then by id. */
  static final Comparator<AthleteStatus> EPISODE_ORDER =
      Comparator.<AthleteStatus>comparingInt(
              s -> s.openSeverity() == null ? -1 : io.painguard.rules.SeverityRank.of(s.openSeverity()))
          .reversed()
          .thenComparing(Comparator.comparingInt(AthleteStatus::painLevel).reversed())
          .thenComparing(AthleteStatus::athleteId);

  private AthleteStatus statusOrNull(String athleteId, byte[] stored) {
    try {
      return AthleteStatus.of(athleteId, AthleteState.decode(stored, guidance), guidance);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public List<String> otherInstances() {
    List<String> others = new ArrayList<>();
    try {
      for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
        HostInfo host = instance.hostInfo();
        if (!self.equals(host) && !HostInfo.unavailable().equals(host)) {
          others.add(host.host() + ":" + host.port());
        }
      }
    } catch (RuntimeException e) {
      // Not running: nobody else to ask.
    }
    return others;
  }

  private static final class StoreUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreUnavailable(String message) {
      super(message, null, false, false);
    }
  }
}
