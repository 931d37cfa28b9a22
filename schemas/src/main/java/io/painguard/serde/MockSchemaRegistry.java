package io.painguard.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * An in-memory schema registry behind {@code mock://SCOPE} URLs, as Confluent's serde offers: every
 * serde configured with the same scope in this JVM sees the same registry. Meant for unit tests
 * with TopologyTestDriver; call {@link #drop(String)} between tests for isolation.
 *
 * <p>Behaves like the real registry where tests can notice: ids are global and start at 1, an
 * identical schema keeps its id across subjects, re-registering is idempotent, new versions are
 * checked for {@link Compatibility#BACKWARD} compatibility with the latest one by default, every
 * schema also has a GUID ({@link #guidOf}, for records that name it in a header), and failures
 * carry the registry's HTTP status and error code.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

  public static final String URL_PREFIX = "mock://";

  /** Compatibility rule applied when a new version is registered (non-transitive). */
  public enum Compatibility { NONE, BACKWARD, FORWARD, FULL }

  private static final ConcurrentHashMap<String, MockSchemaRegistry> SCOPES =
      new ConcurrentHashMap<>();

  private final String scope;
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<UUID, Integer> idsByGuid = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new TreeMap<>();
  private Compatibility compatibility = Compatibility.BACKWARD;

  private MockSchemaRegistry(String scope) {
    this.scope = scope;
  }

  /** The registry of {@code scope}, created on first use. */
  public static MockSchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, MockSchemaRegistry::new);
  }

  /** Forgets the scope's registry; the next {@link #forScope} starts empty. */
  public static void drop(String scope) {
    SCOPES.remove(scope);
  }

  public String scope() {
    return scope;
  }

  public synchronized void setCompatibility(Compatibility compatibility) {
    this.compatibility = compatibility;
  }

  /** All subjects, sorted. */
  public synchronized List<String> subjects() {
    return List.copyOf(versionsBySubject.keySet());
  }

  /** The ids of a subject's versions, oldest first; empty for an unknown subject. */
  public synchronized List<Integer> versionIds(String subject) {
    return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<Integer> versions = versionsBySubject.get(subject);
    Integer existing = idsBySchema.get(schema);
    if (versions != null && existing != null && versions.contains(existing)) {
      return existing;
    }
    if (versions != null && !versions.isEmpty()) {
      checkCompatible(subject, schema, schemasById.get(versions.get(versions.size() - 1)));
    }
    int id = existing != null ? existing : schemasById.size() + 1;
    schemasById.put(id, schema);
    idsBySchema.put(schema, id);
    idsByGuid.put(guid(schema), id);
    versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  @Override
  public synchronized int getId(String subject, Schema schema) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      throw notFound("Subject '" + subject + "' not found.", SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    Integer id = idsBySchema.get(schema);
    if (id == null || !versions.contains(id)) {
      throw notFound("Schema not found", SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return id;
  }

  @Override
  public synchronized Schema getSchemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw notFound("Schema " + id + " not found", SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return schema;
  }

  @Override
  public synchronized Schema getSchemaByGuid(UUID guid) {
    Integer id = idsByGuid.get(guid);
    if (id == null) {
      throw notFound("Schema " + guid + " not found", SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return schemasById.get(id);
  }

  /** The GUID of the schema with id {@code id}; fails as {@link #getSchemaById} for an unknown id. */
  public synchronized UUID guidOf(int id) {
    return guid(getSchemaById(id));
  }

  @Override
  public synchronized RegisteredSchema getLatestSchemaMetadata(String subject) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw notFound("Subject '" + subject + "' not found.", SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, id, versions.size(), schemasById.get(id));
  }

  @Override
  public String toString() {
    return URL_PREFIX + scope;
  }

  // Confluent 8's GUID of a schema without references: the MD5 of its text, read as a UUID. So
  // the same schema has the same GUID here, in the embedded registry and in Confluent's.
  private static UUID guid(Schema schema) {
    try {
      ByteBuffer md5 = ByteBuffer.wrap(MessageDigest.getInstance("MD5")
          .digest(schema.toString().getBytes(StandardCharsets.UTF_8)));
      return new UUID(md5.getLong(), md5.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides MD5", e);
    }
  }

  private void checkCompatible(String subject, Schema candidate, Schema latest) {
    List<String> problems = new ArrayList<>();
    if (compatibility == Compatibility.BACKWARD || compatibility == Compatibility.FULL) {
      problems.addAll(incompatibilities(candidate, latest)); // new schema reads old data
    }
    if (compatibility == Compatibility.FORWARD || compatibility == Compatibility.FULL) {
      problems.addAll(incompatibilities(latest, candidate)); // old schema reads new data
    }
    if (!problems.isEmpty()) {
      String message = "Schema being registered is incompatible with an earlier schema for subject \""
          + subject + "\", details: " + problems;
      throw new SchemaRegistryException("Schema registry " + this + " answered POST /subjects/"
          + subject + "/versions with HTTP 409 (error 409): " + message, 409,
          SchemaRegistryException.INCOMPATIBLE_SCHEMA, message, null);
    }
  }

  private static List<String> incompatibilities(Schema reader, Schema writer) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() != SchemaCompatibilityType.INCOMPATIBLE) {
      return List.of();
    }
    return result.getIncompatibilities().stream()
        .map(i -> "{" + i.getType() + ": " + i.getMessage() + " at " + i.getLocation() + "}")
        .collect(Collectors.toList());
  }

  private SchemaRegistryException notFound(String message, int errorCode) {
    return new SchemaRegistryException("Schema registry " + this + " answered with HTTP 404 (error "
        + errorCode + "): " + message, 404, errorCode, message, null);
  }
}
