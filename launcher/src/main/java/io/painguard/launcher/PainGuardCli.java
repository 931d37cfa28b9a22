package io.painguard.launcher;

import io.painguard.bench.BenchCommand;
import io.painguard.redaction.Redaction;
import io.painguard.runtime.AppCommand;
import io.painguard.simulator.cli.SimulateCommand;
import io.painguard.stack.StackCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./painguard}: the project's one entry point. Each subcommand lives in the module it
 * belongs to; this class only gathers them, and turns any failure into one line on stderr.
 */
@Command(
    name = "painguard",
    mixinStandardHelpOptions = true,
    version = "PainGuard 0.1.0",
    description = {
      "Detects overexertion during reported back pain from Kafka streams.",
      "Alerts are coaching guidance, not a diagnosis."
    },
    synopsisSubcommandLabel = "COMMAND")
public final class PainGuardCli {

  /** Exit code of a command that could not start or failed. */
  static final int FAILED = 1;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    // The simulator brings its own error handling and exit codes (2 = configuration error).
    if (args.length > 0 && args[0].equals("simulate")) {
      return SimulateCommand.execute(System.out, System.err, Arrays.copyOfRange(args, 1, args.length));
    }
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new PainGuardCli());
    cli.addSubcommand("stack", new StackCommand());
    cli.addSubcommand("app", new AppCommand());
    cli.addSubcommand("simulate", SimulateCommand.newCommandLine(System.out, System.err));
    cli.addSubcommand("demo", new DemoCommand());
    cli.addSubcommand("bench", new BenchCommand());
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("painguard " + commandLine.getCommandName() + ": " + oneLine(exception));
          err.flush();
          return FAILED;
        });
    return cli;
  }

  /** The most telling message in a chain of causes, on one line. */
  static String oneLine(Throwable exception) {
    Throwable t = exception;
    // Skip wrappers that only repeat their cause (new RuntimeException(cause) and the like).
    while (t.getCause() != null
        && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return Redaction.text(message.replaceAll("\\s+", " ").trim()); // a message may quote a setting
  }
}
