package io.painguard.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * Confluent's three subject name strategies ({@code key.subject.name.strategy}, {@code
 * value.subject.name.strategy}), named by Confluent's class name, full ({@code
 * io.confluent.kafka.serializers.subject.RecordNameStrategy}) or simple ({@code
 * RecordNameStrategy}).
 */
public enum SubjectNameStrategy {

  /** {@code <topic>-key} or {@code <topic>-value}: one schema lineage per topic (the default). */
  TOPIC_NAME("TopicNameStrategy"),
  /** The record's full name: one lineage per record type, across topics. */
  RECORD_NAME("RecordNameStrategy"),
  /** {@code <topic>-<record full name>}: one lineage per record type and topic. */
  TOPIC_RECORD_NAME("TopicRecordNameStrategy");

  private final String className;

  SubjectNameStrategy(String className) {
    this.className = className;
  }

  /** Confluent's simple class name for this strategy. */
  public String className() {
    return className;
  }

  /** The subject a schema is registered and looked up under. */
  public String subject(String topic, boolean isKey, Schema schema) {
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case RECORD_NAME -> schema.getFullName();
      case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
    };
  }

  /**
   * The strategy named by {@code value} (a class or class name, full or simple), or TopicNameStrategy
   * when it is null or blank.
   *
   * @throws ConfigException naming {@code key} for any other strategy
   */
  static SubjectNameStrategy parse(String key, Object value) {
    String name = value instanceof Class<?> type ? type.getName()
        : value == null ? "" : value.toString().trim();
    if (name.isEmpty()) {
      return TOPIC_NAME;
    }
    String simple = name.substring(name.lastIndexOf('.') + 1);
    for (SubjectNameStrategy strategy : values()) {
      if (strategy.className.equals(simple)) {
        return strategy;
      }
    }
    throw new ConfigException(key + " '" + name + "' is not supported: use TopicNameStrategy,"
        + " RecordNameStrategy or TopicRecordNameStrategy (Confluent's class names, full or simple).");
  }
}
