package io.painguard.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;

/**
 * A test double of a Confluent schema registry: a real HTTP or HTTPS server (JDK httpserver)
 * answering the five endpoints the client uses with Confluent-style JSON, recording every request,
 * and able to answer the next requests with scripted responses (e.g. 503 twice).
 */
final class FakeRegistryServer implements AutoCloseable {

  record Request(String method, String path, String authorization, String contentType,
      String body, Map<String, String> headers) {
    /** A request header by name, whatever its case. */
    String header(String name) {
      return headers.get(name);
    }
  }

  private record Canned(int status, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REGISTER = Pattern.compile("^/subjects/([^/]+)/versions$");
  private static final Pattern LOOKUP = Pattern.compile("^/subjects/([^/]+)$");
  private static final Pattern BY_ID = Pattern.compile("^/schemas/ids/(-?\\d+)$");
  private static final Pattern LATEST = Pattern.compile("^/subjects/([^/]+)/versions/latest$");
  private static final Pattern BY_GUID = Pattern.compile("^/schemas/guids/([0-9a-fA-F-]{36})$");

  private final HttpServer server;
  private final String scheme;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Canned> scripted = new ArrayDeque<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();
  private int nextId = 1;

  FakeRegistryServer() throws IOException {
    this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
  }

  private FakeRegistryServer(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    server.createContext("/", this::handle);
    server.start();
  }

  /** Over HTTPS with this server key and trust; asking clients for a certificate if told to. */
  static FakeRegistryServer https(SSLContext context, boolean needClientAuth) throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        javax.net.ssl.SSLParameters ssl = context.getDefaultSSLParameters();
        ssl.setNeedClientAuth(needClientAuth);
        params.setSSLParameters(ssl);
      }
    });
    return new FakeRegistryServer(server, "https");
  }

  /** The URL by IP address (an HTTPS certificate for "localhost" does not name it). */
  String url() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The URL by host name. */
  String localhostUrl() {
    return scheme + "://localhost:" + server.getAddress().getPort();
  }

  /** The GUID of a schema this registry knows, as Confluent 8 puts it in record headers. */
  synchronized UUID guidOf(int id) {
    return guid(schemasById.get(id));
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The id the next newly registered schema gets. */
  synchronized FakeRegistryServer nextId(int id) {
    this.nextId = id;
    return this;
  }

  /** The next request gets this answer instead of the normal one. */
  synchronized FakeRegistryServer thenAnswer(int status, String body) {
    scripted.addLast(new Canned(status, body));
    return this;
  }

  /** Registers directly, as if another producer had done it. */
  synchronized int preRegister(String subject, Schema schema) {
    return register(subject, schema.toString());
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized long count(String method, String pathPrefix) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
        .count();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
    Canned answer;
    synchronized (this) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      requests.add(new Request(exchange.getRequestMethod(), path,
          exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("Content-Type"), body, headers));
      answer = scripted.isEmpty() ? route(exchange.getRequestMethod(), path, body)
          : scripted.removeFirst();
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Canned route(String method, String path, String body) {
    try {
      Matcher m;
      if (method.equals("POST") && (m = REGISTER.matcher(path)).matches()) {
        int id = register(m.group(1), schemaText(body));
        return ok(JSON.createObjectNode().put("id", id));
      }
      if (method.equals("POST") && (m = LOOKUP.matcher(path)).matches()) {
        return lookup(m.group(1), schemaText(body));
      }
      if (method.equals("GET") && (m = BY_ID.matcher(path)).matches()) {
        int id = Integer.parseInt(m.group(1));
        String schema = schemasById.get(id);
        return schema == null ? error(404, 40403, "Schema " + id + " not found")
            : ok(JSON.createObjectNode().put("schema", schema));
      }
      if (method.equals("GET") && (m = BY_GUID.matcher(path)).matches()) {
        UUID guid = UUID.fromString(m.group(1));
        return schemasById.values().stream().filter(schema -> guid(schema).equals(guid)).findFirst()
            .map(schema -> ok(JSON.createObjectNode().put("schema", schema)))
            .orElse(error(404, 40403, "Schema " + guid + " not found"));
      }
      if (method.equals("GET") && (m = LATEST.matcher(path)).matches()) {
        List<Integer> versions = versionsBySubject.get(m.group(1));
        if (versions == null) {
          return error(404, 40401, "Subject '" + m.group(1) + "' not found.");
        }
        int id = versions.get(versions.size() - 1);
        return ok(version(m.group(1), id, versions.size()));
      }
      return error(404, 404, "HTTP 404 Not Found");
    } catch (IOException | RuntimeException e) {
      return error(500, 50001, "fake registry failed: " + e);
    }
  }

  private int register(String subject, String schemaText) {
    String normal = new Schema.Parser().parse(schemaText).toString();
    Integer id = idsBySchema.get(normal);
    if (id == null) {
      id = nextId++;
      idsBySchema.put(normal, id);
      schemasById.put(id, normal);
    }
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  private static UUID guid(String schemaText) {
    return UUID.nameUUIDFromBytes(schemaText.getBytes(StandardCharsets.UTF_8));
  }

  private Canned lookup(String subject, String schemaText) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      return error(404, 40401, "Subject '" + subject + "' not found.");
    }
    Integer id = idsBySchema.get(new Schema.Parser().parse(schemaText).toString());
    if (id == null || !versions.contains(id)) {
      return error(404, 40403, "Schema not found");
    }
    return ok(version(subject, id, versions.indexOf(id) + 1));
  }

  private ObjectNode version(String subject, int id, int version) {
    return JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id)
        .put("schema", schemasById.get(id));
  }

  private static String schemaText(String body) throws IOException {
    JsonNode node = JSON.readTree(body);
    return node.get("schema").asText();
  }

  private static Canned ok(JsonNode node) {
    return new Canned(200, node.toString());
  }

  static String errorBody(int code, String message) {
    return JSON.createObjectNode().put("error_code", code).put("message", message).toString();
  }

  private static Canned error(int status, int code, String message) {
    return new Canned(status, errorBody(code, message));
  }
}
