package io.painguard.topology;

import io.painguard.serde.AvroSerdeConfig;
import io.painguard.serde.AvroTrust;
import io.painguard.serde.SpecificAvroSerde;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka {@link Serde} class the app reads and writes Avro values with: PainGuard's own {@link
 * SpecificAvroSerde} unless {@value #VALUE_CLASS} names another with a public no-argument
 * constructor, such as Confluent's {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}
 * on the classpath. Each instance is configured with the serde settings (the app's own {@code
 * painguard.*} keys left out) plus, as Confluent's serde reads them, the record class it is for
 * ({@code specific.avro.value.type}) and {@code specific.avro.reader=true}; PainGuard's serde reads
 * the same keys. What the registry-outage parking needs from a foreign serde's exceptions is in
 * {@link RegistryFailures}.
 */
public final class SerdeChoice {

  public static final String PREFIX = "painguard.serde.";
  public static final String VALUE_CLASS = PREFIX + "value-class";

  private static final Logger LOG = LoggerFactory.getLogger(SerdeChoice.class);

  private final Class<?> serdeClass;

  private SerdeChoice(Class<?> serdeClass) {
    this.serdeClass = serdeClass;
  }

  /** Every key this class reads, with its default. */
  public static Map<String, String> defaults() {
    return Map.of(VALUE_CLASS, SpecificAvroSerde.class.getName());
  }

  /**
   * The choice {@code serdeConfig} makes ({@value #VALUE_CLASS}, default PainGuard's serde).
   *
   * @throws IllegalArgumentException in one sentence when the key is unknown, or the class is
   *     missing, not a Serde, or cannot be made
   */
  public static SerdeChoice from(Map<String, ?> serdeConfig) {
    for (String key : serdeConfig.keySet()) {
      if (key.startsWith(PREFIX) && !key.equals(VALUE_CLASS)) {
        throw new IllegalArgumentException("Unknown setting '" + key + "': the only " + PREFIX
            + "* setting is " + VALUE_CLASS + ".");
      }
    }
    Object named = serdeConfig.get(VALUE_CLASS);
    String name = named == null || named.toString().isBlank() ? SpecificAvroSerde.class.getName()
        : named.toString().trim();
    Class<?> type;
    try {
      type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(VALUE_CLASS + " names " + name + ", which is not on the"
          + " classpath: add its jar and its dependencies (for Confluent's, kafka-streams-avro-serde),"
          + " or remove the setting to use PainGuard's serde.");
    }
    if (!Serde.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(VALUE_CLASS + " names " + name + ", which is not a Kafka"
          + " Serde.");
    }
    try {
      type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(VALUE_CLASS + " names " + name + ", which has no public"
          + " no-argument constructor.");
    }
    // A foreign deserializer does not make Avro trust our generated classes; ours does it itself.
    AvroTrust.ensureTrusted();
    return new SerdeChoice(type);
  }

  /** True unless a foreign serde was named. */
  public boolean isPainGuards() {
    return serdeClass == SpecificAvroSerde.class;
  }

  public String className() {
    return serdeClass.getName();
  }

  /**
   * A new serde for values of {@code type}, configured.
   *
   * @throws IllegalArgumentException in one sentence when the serde refuses its settings
   */
  @SuppressWarnings("unchecked")
  public <T extends SpecificRecord> Serde<T> serdeFor(Class<T> type, Map<String, ?> serdeConfig) {
    Serde<T> serde;
    try {
      serde = (Serde<T>) serdeClass.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(VALUE_CLASS + " " + className() + " could not be made: "
          + e.getCause() + ".");
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(VALUE_CLASS + " " + className() + " could not be made: "
          + e + ".");
    }
    try {
      serde.configure(configFor(type, serdeConfig), false);
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      String sentence = message.endsWith(".") ? message : message + ".";
      // PainGuard's serde refuses in one sentence naming the key; a foreign one gets named too.
      throw new IllegalArgumentException(isPainGuards() ? sentence
          : className() + " refused its settings: " + sentence);
    }
    return serde;
  }

  /**
   * Makes and closes one serde, so that a wrong class or setting stops the start in one sentence
   * before anything runs; warns about serde settings PainGuard's serde would ignore.
   */
  public void check(Map<String, ?> serdeConfig, Class<? extends SpecificRecord> type) {
    serdeFor(type, serdeConfig).close();
    if (isPainGuards()) {
      TreeSet<String> unread = new TreeSet<>();
      for (String key : serdeConfig.keySet()) {
        if (!key.startsWith("painguard.") && !AvroSerdeConfig.isSerdeKey(key)) {
          unread.add(key);
        }
      }
      if (!unread.isEmpty()) {
        LOG.warn("PainGuard's serde does not read {}; they only matter to a serde named by {}.",
            unread, VALUE_CLASS);
      }
    }
  }

  /** The settings a serde for {@code type} gets: the app's own keys out, the record class in. */
  static Map<String, Object> configFor(Class<?> type, Map<String, ?> serdeConfig) {
    Map<String, Object> config = new HashMap<>();
    serdeConfig.forEach((key, value) -> {
      if (!key.startsWith("painguard.")) {
        config.put(key, value);
      }
    });
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, type);
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    return config;
  }
}
