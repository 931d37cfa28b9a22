package io.painguard.topology;

import io.painguard.events.ExertionAlert;
import io.painguard.rules.AthleteState;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.GuidanceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Interactive queries (IQv2) over this instance's athlete stores, for the HTTP API. Each method
 * asks only the local instance: with several instances, route by {@link
 * KafkaStreams#queryMetadataForKey} first.
 *
 * <p>Failures (store not running yet, rebalancing, partition hosted elsewhere) throw {@link
 * IllegalStateException} with the reason, so the API can answer 503 rather than "unknown athlete".
 */
public final class AthleteQueries {

  private final KafkaStreams streams;
  private final GuidanceSettings rules;

  public AthleteQueries(KafkaStreams streams, GuidanceSettings rules) {
    this.streams = streams;
    this.rules = rules;
  }

  /** The athlete's decoded state, empty when the athlete has never been seen. */
  public Optional<AthleteState> state(String athleteId) {
    return get(PainGuardTopology.ATHLETE_STATE_STORE, athleteId)
        .map(bytes -> AthleteState.decode(bytes, rules));
  }

  /** The athlete's status as of their own newest event time. */
  public Optional<AthleteStatus> status(String athleteId) {
    return state(athleteId).map(s -> AthleteStatus.of(athleteId, s, rules));
  }

  /** The athlete's latest alerts, newest first; empty when there are none. */
  public List<ExertionAlert> recentAlerts(String athleteId) {
    List<ExertionAlert> alerts =
        new ArrayList<>(
            get(PainGuardTopology.ATHLETE_ALERTS_STORE, athleteId)
                .map(RecentAlerts::decode)
                .orElse(List.of()));
    java.util.Collections.reverse(alerts);
    return alerts;
  }

  /** Up to {@code limit} athletes' statuses from every local partition, by athleteId. */
  public List<AthleteStatus> statuses(int limit) {
    StateQueryResult<KeyValueIterator<String, byte[]>> result =
        streams.query(
            StateQueryRequest.inStore(PainGuardTopology.ATHLETE_STATE_STORE)
                .withQuery(RangeQuery.<String, byte[]>withNoBounds()));
    List<AthleteStatus> statuses = new ArrayList<>();
    for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, byte[]>>> partition :
        result.getPartitionResults().entrySet()) {
      QueryResult<KeyValueIterator<String, byte[]>> r = partition.getValue();
      if (!r.isSuccess()) {
        throw failure(PainGuardTopology.ATHLETE_STATE_STORE, r);
      }
      try (KeyValueIterator<String, byte[]> it = r.getResult()) {
        while (it.hasNext()) {
          KeyValue<String, byte[]> kv = it.next();
          statuses.add(AthleteStatus.of(kv.key, AthleteState.decode(kv.value, rules), rules));
        }
      }
    }
    statuses.sort(java.util.Comparator.comparing(AthleteStatus::athleteId));
    return statuses.size() > limit ? statuses.subList(0, limit) : statuses;
  }

  private Optional<byte[]> get(String store, String athleteId) {
    KeyQueryMetadata where =
        streams.queryMetadataForKey(store, athleteId, Serdes.String().serializer());
    if (where == null || where.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new IllegalStateException("Store " + store + " is not available yet.");
    }
    StateQueryRequest<byte[]> request =
        StateQueryRequest.inStore(store)
            .withQuery(KeyQuery.<String, byte[]>withKey(athleteId))
            .withPartitions(Set.of(where.partition()));
    QueryResult<byte[]> r = streams.query(request).getPartitionResults().get(where.partition());
    if (r == null || !r.isSuccess()) {
      throw failure(store, r);
    }
    return Optional.ofNullable(r.getResult());
  }

  private static IllegalStateException failure(String store, QueryResult<?> r) {
    return new IllegalStateException(
        "Store "
            + store
            + " cannot answer here"
            + (r == null ? "" : " (" + r.getFailureReason() + ": " + r.getFailureMessage() + ")")
            + ".");
  }
}
