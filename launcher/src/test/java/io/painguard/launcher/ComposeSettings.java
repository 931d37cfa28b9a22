package io.painguard.launcher;

import io.painguard.runtime.KnownSettings;
import io.painguard.runtime.config.AppConfig;
import io.painguard.serde.AvroSerdeConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Whether a setting a deployment file sets is one the app knows, by the app's and Kafka's own
 * lists: a typo there is otherwise ignored (a Kafka key) or refused only when the container starts.
 */
final class ComposeSettings {

  /** Kafka Streams' prefixes for settings of one of its clients or of its internal topics. */
  private static final List<String> STREAMS_PREFIXES =
      List.of(
          StreamsConfig.MAIN_CONSUMER_PREFIX,
          StreamsConfig.RESTORE_CONSUMER_PREFIX,
          StreamsConfig.GLOBAL_CONSUMER_PREFIX,
          StreamsConfig.CONSUMER_PREFIX,
          StreamsConfig.PRODUCER_PREFIX,
          StreamsConfig.ADMIN_CLIENT_PREFIX);

  private ComposeSettings() {}

  /** True for a {@code painguard.*}, {@code kafka.*} or serde key that the app would act on. */
  static boolean isKnown(String key) {
    if (key.startsWith("painguard.")) {
      return KnownSettings.painguardKeys().contains(key);
    }
    if (key.startsWith(AppConfig.KAFKA_PREFIX)) {
      return isKafkaKey(key.substring(AppConfig.KAFKA_PREFIX.length()));
    }
    return stringConstants(AvroSerdeConfig.class).contains(key);
  }

  private static boolean isKafkaKey(String key) {
    if (key.startsWith(StreamsConfig.TOPIC_PREFIX)) {
      return stringConstants(TopicConfig.class).contains(key.substring(StreamsConfig.TOPIC_PREFIX.length()));
    }
    String unprefixed = key;
    for (String prefix : STREAMS_PREFIXES) {
      if (key.startsWith(prefix)) {
        unprefixed = key.substring(prefix.length());
        break;
      }
    }
    Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
    names.addAll(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    return names.contains(unprefixed);
  }

  /** The values of a class's public static final String fields: how Kafka and our serde name their keys. */
  private static Set<String> stringConstants(Class<?> type) {
    Set<String> values = new HashSet<>();
    for (Field field : type.getFields()) {
      int modifiers = field.getModifiers();
      if (field.getType() == String.class && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
