package io.painguard.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.stack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./painguard app} started by hand with a mistake in it. */
class AppProcessStartupIT {

  @TempDir Path tmp;

  @Test
  void aWrongBrokerAddressEndsTheAppWithinItsStartupTimeoutInOneSentence() throws Exception {
    // Given nothing listening where the app is told the broker is
    int nobody = Ports.pickFree();
    try (PainguardProcess app =
        PainguardProcess.start(tmp, "app", "--bootstrap=127.0.0.1:" + nobody,
            "--registry=http://127.0.0.1:" + Ports.pickFree(), "--http-port=0",
            "--state-dir=" + tmp.resolve("state"), "--set=painguard.startup.timeout=5s")) {

      // When it starts
      Optional<Integer> exit = app.awaitExit(Duration.ofSeconds(60));

      // Then it ends by itself, non-zero, with one sentence naming the broker and no stack trace
      assertThat(exit).as("exit; output:\n%s", app.tail()).isPresent();
      assertThat(exit.get()).isNotZero();
      List<String> said = app.output().stream().filter(l -> l.startsWith("painguard app: ")).toList();
      assertThat(said).singleElement().satisfies(line -> assertThat(line)
          .contains("127.0.0.1:" + nobody)
          .endsWith("?"));
      assertThat(app.text()).doesNotContain("\tat ", "Exception");
    }
  }
}
