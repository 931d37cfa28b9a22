package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class PainGuardStreamsConfigTest {

  @Test
  void theShippedTuningIsPartOfTheDefaultsAndKafkaStreamsAcceptsIt() {
    // Given the properties the app starts from
    Properties props = PainGuardStreamsConfig.properties(
        "tuning-test", "localhost:9092", TopologySettings.defaults(), new DeadLetterCounter());

    // When Kafka Streams parses them
    StreamsConfig config = new StreamsConfig(props);

    // Then the tuning is in force, and exactly-once is untouched
    assertThat(config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(64L * 1024 * 1024);
    assertThat(config.getClass(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(BoundedMemoryRocksDbConfig.class);
    Map<String, Object> producer = config.getProducerConfigs("client");
    assertThat(producer).containsEntry("compression.type", "lz4").containsEntry("batch.size", 128 * 1024);
    assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void rocksDbSizesAreBytesOfAtLeastOneMebibyte() {
    assertThat(BoundedMemoryRocksDbConfig.bytes(Map.of(), "k", 5L << 20)).isEqualTo(5L << 20);
    assertThat(BoundedMemoryRocksDbConfig.bytes(Map.of("k", "33554432"), "k", 1)).isEqualTo(32L << 20);
    assertThatThrownBy(() -> BoundedMemoryRocksDbConfig.bytes(Map.of("k", "12"), "k", 1))
        .hasMessage("k must be a number of bytes of at least 1 MiB, got '12'.");
    assertThatThrownBy(() -> BoundedMemoryRocksDbConfig.validate(Map.of("painguard.rocksdb.total-bytes", "lots")))
        .hasMessage("painguard.rocksdb.total-bytes must be a number of bytes of at least 1 MiB, got 'lots'.");
  }
}
