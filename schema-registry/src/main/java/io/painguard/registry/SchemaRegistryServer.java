package io.painguard.registry;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinLogger;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTP server speaking the Confluent Schema Registry REST API over a {@link SchemaStore}.
 *
 * <p>Several servers may share one store topic ({@link KafkaSchemaStore}): each follows the others'
 * writes, and their writes never collide. Credentials are asked for as {@link RegistryAuth} says.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  /** Schemas are small; this still leaves room for large generated ones. */
  private static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;
  private static final int MAX_THREADS = 16;

  private final Javalin app;
  private final SchemaStore store;
  private final String host;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SchemaRegistryServer(Javalin app, SchemaStore store, String host) {
    this.app = app;
    this.store = store;
    this.host = host;
  }

  /**
   * Starts serving on host:port (port 0 picks a free one). The server takes ownership of the
   * store and closes it in {@link #close()}; if starting fails, the store is left open for the
   * caller.
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  public static SchemaRegistryServer start(String host, int port, SchemaStore store) {
    return start(host, port, store, RegistryAuth.none());
  }

  /**
   * Starts serving on host:port (port 0 picks a free one), asking for credentials as {@code auth}
   * says; see {@link #start(String, int, SchemaStore)}.
   */
  public static SchemaRegistryServer start(String host, int port, SchemaStore store, RegistryAuth auth) {
    // Javalin's "Listening on..." lines are JVM-wide chatter; callers print the URL themselves.
    JavalinLogger.startupInfo = false;
    SchemaResolver resolver = new SchemaResolver(store);
    RegistryRoutes routes = new RegistryRoutes(new RegistryService(store, resolver),
        new RegistryReads(store, resolver));
    ModeRoutes modeRoutes = new ModeRoutes(new ModeService(store));
    ServerRoutes serverRoutes = new ServerRoutes(store);
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.http.prefer405over404 = true;
      config.router.ignoreTrailingSlashes = true;
      QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
      threads.setName("schema-registry-http");
      threads.setDaemon(true);
      config.jetty.threadPool = threads;
      config.router.mount(router -> {
        // Before any route and before content negotiation, as Jetty's security handler runs
        // before Confluent's resources: a refused client learns nothing else.
        router.before(ctx -> Authentication.check(auth, ctx));
        router.before(HttpExchange::negotiate);
        serverRoutes.register(router);
        routes.register(router);
        modeRoutes.register(router);
        router.exception(RegistryException.class, ErrorResponses::registryError);
        router.exception(HttpResponseException.class, ErrorResponses::httpError);
        router.exception(SchemaStoreException.class, ErrorResponses::storeError);
        router.exception(Exception.class, ErrorResponses::unexpected);
      });
    });
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException("Could not start the schema registry on " + host + ":"
          + port + ": " + rootMessage(e), e);
    }
    return new SchemaRegistryServer(app, store, host);
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    String urlHost = host.contains(":") ? "[" + host + "]" : host;
    if (urlHost.equals("0.0.0.0")) {
      urlHost = "127.0.0.1";
    }
    return "http://" + urlHost + ":" + port();
  }

  public int port() {
    return app.port();
  }

  /** Stops HTTP, then closes the store; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      app.stop();
    } finally {
      store.close();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
