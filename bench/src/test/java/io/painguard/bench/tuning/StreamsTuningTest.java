package io.painguard.bench.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.topology.BoundedMemoryRocksDbConfig;
import io.painguard.topology.PainGuardStreamsConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsTuningTest {

  @Test
  void theAppProfileMeasuresTheAppAsShipped() {
    Map<String, String> effective = StreamsTuning.effective(StreamsTuning.app(StreamsTuning.APP));

    assertThat(StreamsTuning.app(StreamsTuning.APP)).isEmpty();
    assertThat(effective)
        .containsEntry("rocksdb.config.setter", BoundedMemoryRocksDbConfig.class.getName())
        .containsEntry("producer.compression.type", "lz4")
        .containsOnlyKeys(PainGuardStreamsConfig.tuning().keySet());
  }

  @Test
  void kafkaDefaultsPutEveryTunedKeyBack() {
    Map<String, String> applied = StreamsTuning.app(StreamsTuning.KAFKA_DEFAULTS);

    assertThat(applied).containsOnlyKeys(PainGuardStreamsConfig.tuning().keySet());
    assertThat(applied.values()).containsOnly(StreamsTuning.UNSET);
    assertThat(StreamsTuning.effective(applied))
        .doesNotContainKeys("rocksdb.config.setter", "statestore.cache.max.bytes", "producer.compression.type");
    assertThat(StreamsTuning.copier(StreamsTuning.effective(applied)))
        .doesNotContainKeys("producer.compression.type", "producer.batch.size");
  }

  @Test
  void theCopierWorksUnderKafkaStreamsDefaultsWhereTheAppSetsNothing() {
    Map<String, String> copier = StreamsTuning.copier(Map.of());

    assertThat(copier).containsEntry("commit.interval.ms", "100").containsEntry("producer.linger.ms", "100");
  }

  @Test
  void theCopierGetsTheAppsClientSettingsButNotItsStreamsOnes() {
    Map<String, String> app = Map.of(
        "commit.interval.ms", "250",
        "producer.compression.type", "lz4",
        "main.consumer.fetch.min.bytes", "1024",
        "batch.size", "65536",
        "statestore.cache.max.bytes", "1000",
        "rocksdb.config.setter", "x");

    Map<String, String> copier = StreamsTuning.copier(app);

    assertThat(copier)
        .containsEntry("commit.interval.ms", "250")
        .containsEntry("producer.compression.type", "lz4")
        .containsEntry("consumer.fetch.min.bytes", "1024")
        .containsEntry("producer.batch.size", "65536")
        .containsEntry("consumer.batch.size", "65536")
        .doesNotContainKeys("statestore.cache.max.bytes", "rocksdb.config.setter");
  }

  @Test
  void anUnknownProfileIsRefusedInOneSentence() {
    assertThatThrownBy(() -> StreamsTuning.app("fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown tuning 'fast'; use app or kafka-defaults.");
  }
}
