package io.painguard.systemtest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void returnsOnceTheConditionHoldsCheckedOnTheCallersThread() {
    // Given a condition that holds on its third look, and records the thread it ran on
    AtomicInteger looks = new AtomicInteger();
    Thread caller = Thread.currentThread();
    AtomicInteger otherThreadLooks = new AtomicInteger();

    // When
    Await.until("the third look", Duration.ofSeconds(30), () -> {
      if (Thread.currentThread() != caller) {
        otherThreadLooks.incrementAndGet();
      }
      return looks.incrementAndGet() >= 3;
    });

    // Then it looked exactly until the condition held, never from another thread
    assertThat(looks).hasValue(3);
    assertThat(otherThreadLooks).hasValue(0);
  }

  @Test
  void failsNamingWhatWasAwaited() {
    // Given a condition that never holds
    // When / Then
    assertThatThrownBy(() -> Await.until("the impossible", Duration.ofMillis(300), () -> false))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Timed out after 0 s waiting for the impossible");
  }

  @Test
  void anExceptionInTheConditionEndsTheWaitAtOnce() {
    // Given a condition that throws on its first look
    AtomicInteger looks = new AtomicInteger();

    // When / Then the exception reaches the caller as it was thrown, after one look
    assertThatThrownBy(() -> Await.until("a broken check", Duration.ofSeconds(30), () -> {
      looks.incrementAndGet();
      throw new IllegalStateException("broken");
    })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
    assertThat(looks).hasValue(1);
  }
}
