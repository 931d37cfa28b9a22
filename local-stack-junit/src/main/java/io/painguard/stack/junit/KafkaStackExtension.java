package io.painguard.stack.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Injects the JVM's shared {@link KafkaStack} into fields (static or not) and parameters of that
 * type. Use it through {@link KafkaStackTest}.
 *
 * <p>The stack lives in the root {@link ExtensionContext.Store}: created on first use, shared by
 * every test class of the run, and closed by JUnit (it is {@link AutoCloseable}) when the run
 * ends. The backends' own JVM shutdown hooks cover runs that end abruptly.
 */
public final class KafkaStackExtension
    implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

  private static final Logger log = LoggerFactory.getLogger(KafkaStackExtension.class);
  private static final Namespace NAMESPACE = Namespace.create(KafkaStackExtension.class);
  private static final String STACK_KEY = "stack";

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    List<Field> fields = stackFields(context.getRequiredTestClass(), true);
    for (Field field : fields) {
      field.setAccessible(true);
      field.set(null, stack(context));
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context)
      throws IllegalAccessException {
    for (Field field : stackFields(testInstance.getClass(), false)) {
      field.setAccessible(true);
      field.set(testInstance, stack(context));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == KafkaStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return stack(extensionContext);
  }

  /** The shared stack, started on the first call of the run. */
  static KafkaStack stack(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(STACK_KEY, key -> startStack(), RunningStack.class);
  }

  private static RunningStack startStack() {
    String requested = System.getProperty(StackBackend.PROPERTY);
    StackBackend backend = StackBackend.select(requested, DockerProbe::isDockerAvailable);
    String why =
        requested == null || requested.isBlank()
            ? (backend == StackBackend.EMBEDDED ? "no Docker found" : "Docker found")
            : "-D" + StackBackend.PROPERTY + "=" + requested;
    log.info("Starting the {} Kafka stack for tests ({})", backend.displayName(), why);
    long startedAt = System.nanoTime();
    RunningStack stack;
    try {
      stack = backend == StackBackend.TESTCONTAINERS ? ContainerStack.start() : EmbeddedStack.start();
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(
          "Could not start the " + backend.displayName() + " Kafka stack for tests: " + e.getMessage(), e);
    }
    log.info(
        "Kafka stack for tests ready: {} backend, Kafka {}, schema registry {} (started in {} ms)",
        backend.displayName(),
        stack.bootstrapServers(),
        stack.schemaRegistryUrl(),
        (System.nanoTime() - startedAt) / 1_000_000);
    return stack;
  }

  private static List<Field> stackFields(Class<?> type, boolean wantStatic) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        // A final field was set by the test itself, e.g. from a constructor parameter.
        if (field.getType() == KafkaStack.class
            && Modifier.isStatic(modifiers) == wantStatic
            && !Modifier.isFinal(modifiers)) {
          fields.add(field);
        }
      }
    }
    return fields;
  }
}
