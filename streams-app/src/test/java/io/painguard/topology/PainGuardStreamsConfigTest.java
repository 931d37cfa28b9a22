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

  @Test
  void everyOutputWriteFailureGoesToThePainGuardProductionHandlerWithTheDeadLetterCap() {
    Properties props = PainGuardStreamsConfig.properties(
        "handler-test", "localhost:9092", TopologySettings.defaults(), new DeadLetterCounter());

    StreamsConfig config = new StreamsConfig(props);

    assertThat(config.getClass(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(PainGuardProductionExceptionHandler.class);
    assertThat(props.get(PainGuardStreamsConfig.DEAD_LETTER_MAX_BYTES)).isEqualTo(512 * 1024);
  }

  @Test
  void theDeadLetterCapMustLeaveRoomInTheProducersLargestRequest() {
    PainGuardStreamsConfig.checkDeadLetterCap(Map.of(), 512 * 1024);
    PainGuardStreamsConfig.checkDeadLetterCap(Map.of("producer.max.request.size", "4194304"), 3 * 1024 * 1024);

    assertThatThrownBy(() -> PainGuardStreamsConfig.checkDeadLetterCap(Map.of(), 1024 * 1024))
        .hasMessage("painguard.topology.dead-letter-max-bytes is 1048576 but the producer's max.request.size is"
            + " 1048576; the cap must be at least 1024 bytes smaller so a dead letter at the cap can always be written.");
    assertThatThrownBy(() -> PainGuardStreamsConfig.checkDeadLetterCap(Map.of("max.request.size", "65536"), 65536))
        .hasMessageContaining("max.request.size is 65536");
  }
}
