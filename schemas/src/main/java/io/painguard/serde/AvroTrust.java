package io.painguard.serde;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Makes Avro (>= 1.12.1) trust our generated classes when decoding specific records.
 *
 * <p>Avro refuses to load classes named by a schema unless they are trusted. Its system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} is read only once, when Avro's validator class is
 * initialised, so setting it late does nothing; instead this adds a predicate to the global
 * {@link ClassSecurityValidator} in front of whatever was there. The serde calls
 * {@link #ensureTrusted()} itself, so the app, the simulator and tests need no JVM flag.
 */
public final class AvroTrust {

  /** Package of the classes generated from the PainGuard contracts. */
  public static final String EVENTS_PACKAGE = "io.painguard.events";

  private static final Set<String> TRUSTED_PREFIXES = new CopyOnWriteArraySet<>();

  private AvroTrust() {}

  /** Trusts {@value #EVENTS_PACKAGE}; cheap and idempotent, call it before decoding. */
  public static void ensureTrusted() {
    trustPackage(EVENTS_PACKAGE);
  }

  /** Trusts every class in {@code packageName} and its sub-packages. */
  public static synchronized void trustPackage(String packageName) {
    TRUSTED_PREFIXES.add(packageName.endsWith(".") ? packageName : packageName + ".");
    ClassSecurityPredicate global = ClassSecurityValidator.getGlobal();
    // Re-check every time: someone (a test, another library) may have replaced the global since.
    if (!(global instanceof PackagePredicate)) {
      ClassSecurityValidator.setGlobal(new PackagePredicate(global));
    }
  }

  /** True when Avro's global validator currently trusts {@code type}. */
  public static boolean isTrusted(Class<?> type) {
    return ClassSecurityValidator.getGlobal().isTrusted(type);
  }

  /** Our packages, else whatever Avro trusted before; rejections keep Avro's own message. */
  private static final class PackagePredicate implements ClassSecurityPredicate {
    private final ClassSecurityPredicate previous;

    PackagePredicate(ClassSecurityPredicate previous) {
      this.previous = previous;
    }

    @Override
    public boolean isTrusted(Class<?> type) {
      String name = type.getName();
      for (String prefix : TRUSTED_PREFIXES) {
        if (name.startsWith(prefix)) {
          return true;
        }
      }
      return previous.isTrusted(type);
    }

    @Override
    public void forbiddenClass(String className) {
      previous.forbiddenClass(className);
    }
  }
}
