package io.painguard.stack.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a running Kafka broker and schema registry: declare a field or a parameter
 * (constructor, lifecycle method or test method) of type {@link KafkaStack}.
 *
 * <p>One stack per test JVM, shared by every class that uses it, started on first use and closed
 * when the test run ends -- so use unique topic names ({@link KafkaStack#uniqueTopic}). The
 * backend is Testcontainers when Docker is available, the embedded broker and registry otherwise;
 * {@code -Dpainguard.stack=embedded|testcontainers} forces one.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaStackExtension.class)
public @interface KafkaStackTest {}
