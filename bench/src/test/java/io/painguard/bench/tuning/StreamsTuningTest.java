package io.painguard.bench.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsTuningTest {

  @Test
  void theCopierWorksUnderKafkaStreamsDefaultsWhenTheAppSetsNothing() {
    Map<String, String> copier = StreamsTuning.copier(StreamsTuning.app(StreamsTuning.DEFAULTS));

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
  void theRecommendedTuningBoundsRocksDbMemory() {
    assertThat(StreamsTuning.app(StreamsTuning.RECOMMENDED))
        .containsEntry("rocksdb.config.setter", BoundedMemoryRocksDbConfig.class.getName());
  }

  @Test
  void anUnknownProfileIsRefusedInOneSentence() {
    assertThatThrownBy(() -> StreamsTuning.app("fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown tuning 'fast'; use defaults or recommended.");
  }

  @Test
  void rocksDbSizesAreBytesOfAtLeastOneMebibyte() {
    assertThat(BoundedMemoryRocksDbConfig.bytes(Map.of(), "k", 5L << 20)).isEqualTo(5L << 20);
    assertThat(BoundedMemoryRocksDbConfig.bytes(Map.of("k", "33554432"), "k", 1)).isEqualTo(32L << 20);
    assertThatThrownBy(() -> BoundedMemoryRocksDbConfig.bytes(Map.of("k", "12"), "k", 1))
        .hasMessageContaining("at least 1 MiB");
  }
}
