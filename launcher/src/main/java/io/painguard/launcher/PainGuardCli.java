package io.painguard.launcher;

import io.painguard.stack.StackCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./painguard}: the project's one entry point. Each subcommand lives in the module it
 * belongs to; this class only gathers them.
 */
@Command(
    name = "painguard",
    mixinStandardHelpOptions = true,
    version = "PainGuard 0.1.0",
    description = "Detects overexertion during reported back pain from Kafka streams.",
    subcommands = {StackCommand.class})
public final class PainGuardCli {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new PainGuardCli());
  }
}
