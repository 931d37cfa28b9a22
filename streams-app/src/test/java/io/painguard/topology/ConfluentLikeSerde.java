package io.painguard.topology;

import io.painguard.serde.SchemaRegistryException;
import io.painguard.serde.SpecificAvroSerde;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Stands in for Confluent's {@code SpecificAvroSerde}, whose jars cannot be downloaded here: a
 * Serde class of its own, made by name from {@code painguard.serde.value-class} with its public
 * no-argument constructor, that records the settings it was configured with and throws registry
 * failures in the shapes Confluent's Avro deserializer does (no answer: a SerializationException
 * around the IOException; an answer: a RestClientException inside AuthenticationException for 401,
 * AuthorizationException for 403, TimeoutException for 408/500/503/504, DisconnectException for
 * 502, SerializationException otherwise). The bytes themselves are PainGuard's serde's, which are
 * Confluent's wire format.
 */
public class ConfluentLikeSerde<T extends SpecificRecord> implements Serde<T> {

  /** Every configuration any instance got, in order. */
  static final List<Map<String, Object>> CONFIGURED = new CopyOnWriteArrayList<>();

  private final SpecificAvroSerde<T> inner = new SpecificAvroSerde<>();

  public ConfluentLikeSerde() {}

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    CONFIGURED.add(new java.util.HashMap<>(configs));
    inner.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> {
      try {
        return inner.serializer().serialize(topic, data);
      } catch (SerializationException e) {
        throw asConfluentThrowsIt(e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return new Deserializer<>() {
      @Override
      public T deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
      }

      @Override
      public T deserialize(String topic, Headers headers, byte[] data) {
        try {
          return inner.deserializer().deserialize(topic, headers, data);
        } catch (SerializationException e) {
          throw asConfluentThrowsIt(e);
        }
      }
    };
  }

  private static RuntimeException asConfluentThrowsIt(SerializationException e) {
    String message = "Error retrieving Avro value schema";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryException registry) {
        int status = registry.httpStatus();
        if (status == SchemaRegistryException.NO_RESPONSE) {
          return new SerializationException(message, new ConnectException("Connection refused"));
        }
        RestClientException answer = new RestClientException(
            String.valueOf(registry.registryMessage()), status, registry.errorCode());
        return switch (status) {
          case 401 -> new AuthenticationException(message, answer);
          case 403 -> new AuthorizationException(message, answer);
          case 408, 500, 503, 504 -> new TimeoutException(message, answer);
          case 502 -> new DisconnectException(message, answer);
          default -> new SerializationException(message, answer);
        };
      }
    }
    return new SerializationException("Error deserializing Avro message", e);
  }
}
