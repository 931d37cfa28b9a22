package io.painguard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PainGuardCliTest {

  @Test
  void helpListsEverySubcommand() {
    CommandLine cli = PainGuardCli.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("stack", "app", "simulate", "demo", "bench", "not a diagnosis");
  }

  @Test
  void failuresBecomeOneLineNamingTheDeepestMessage() {
    Exception wrapped =
        new RuntimeException(new IllegalStateException("Port 9092 on 127.0.0.1 is already\n in use."));

    assertThat(PainGuardCli.oneLine(wrapped))
        .isEqualTo("Port 9092 on 127.0.0.1 is already in use.");
    assertThat(PainGuardCli.oneLine(new IllegalStateException("Broker unreachable.")))
        .isEqualTo("Broker unreachable.");
  }
}
