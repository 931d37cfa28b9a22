package io.painguard.stack.junit;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Remembers every stack instance the test classes were given, to check they share one. */
final class SeenStacks {

  private static final Set<KafkaStack> SEEN = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  private SeenStacks() {}

  static Set<KafkaStack> record(KafkaStack stack) {
    SEEN.add(stack);
    return Set.copyOf(SEEN);
  }
}
