package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.ConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AppCommandTest {

  private static AppCommand parse(String... args) {
    AppCommand command = new AppCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private record Run(int exitCode, String err, String out) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    CommandLine line = new CommandLine(new AppCommand());
    line.setErr(new PrintWriter(err));
    line.setOut(new PrintWriter(out));
    int code = line.execute(args);
    return new Run(code, err.toString(), out.toString());
  }

  @Test
  void flagsMapToSettingsAndWinOverEverythingElse(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(
        file, "kafka.bootstrap.servers=file:9092\npainguard.http.port=9000\nkafka.num.stream.threads=2\n");

    AppConfig config =
        parse(
                "--config", file.toString(),
                "--bootstrap", "flag:9092",
                "--registry", "http://registry:8081",
                "--http-port", "0",
                "--state-dir", dir.resolve("state").toString(),
                "--application-server", "app-1:9000",
                "--set", "painguard.http.tokens=t=admin",
                "--set", "kafka.bootstrap.servers=set:9092")
            .config(Map.of("PAINGUARD_KAFKA_BOOTSTRAP_SERVERS", "env:9092"));

    assertThat(config.get("kafka.bootstrap.servers")).isEqualTo("flag:9092");
    assertThat(config.get("schema.registry.url")).isEqualTo("http://registry:8081");
    assertThat(config.httpPort()).isZero();
    assertThat(config.get("kafka.state.dir")).isEqualTo(dir.resolve("state").toString());
    assertThat(config.get("kafka.application.server")).isEqualTo("app-1:9000");
    assertThat(config.get("painguard.http.tokens")).isEqualTo("t=admin");
    assertThat(config.get("kafka.num.stream.threads")).isEqualTo("2");
  }

  @Test
  void environmentOverridesTheFileNamedByPainguardConfig(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("from-env.properties");
    Files.writeString(file, "painguard.http.port=9000\nschema.registry.url=http://file:8081\n");

    AppConfig config =
        parse().config(Map.of("PAINGUARD_CONFIG", file.toString(), "PAINGUARD_HTTP_PORT", "9100",
            "PAINGUARD_TOPICS_PAIN_REPORTS", "pain-v2"));

    assertThat(config.httpPort()).isEqualTo(9100);
    assertThat(config.get("schema.registry.url")).isEqualTo("http://file:8081");
    assertThat(config.get("painguard.topics.pain-reports")).isEqualTo("pain-v2");
  }

  @Test
  void aMissingConfigFileIsAConfigurationError() {
    assertThatThrownBy(() -> parse("--config", "/nonexistent/painguard.properties").config(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("does not exist.");
  }

  @Test
  void aRefusedConfigurationExitsWithOneSentenceAndNoStackTrace() {
    Run run = run("--set", "painguard.http.tokn=x", "--set", "painguard.http.tokens=t=admin");

    assertThat(run.exitCode()).isEqualTo(AppCommand.EXIT_REFUSED);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("painguard app: Unknown setting 'painguard.http.tokn'").doesNotContain("\tat ");
  }

  @Test
  void eachKindOfBadSettingIsRefusedBeforeAnythingStarts() {
    assertThat(run("--set", "kafka.processing.guarantee=at_least_once").err())
        .contains("kafka.processing.guarantee is 'at_least_once'; PainGuard needs exactly_once_v2");
    assertThat(run("--set", "kafka.num.stream.threads=many").err())
        .startsWith("painguard app: Kafka rejects a kafka.* setting: Invalid value many for configuration num.stream.threads");
    assertThat(run("--set", "painguard.rules.ceiling.mild-hrr-pct=300").err()).contains("painguard.rules.ceiling.mild-hrr-pct");
    assertThat(run("--set", "painguard.topics.alerts=x").err()).contains("Unknown setting painguard.topics.alerts");
    assertThat(run("--set", "painguard.http.tokens=s3cr3t=root").err())
        .contains("entry 1 has role 'root'")
        .doesNotContain("s3cr3t");
    assertThat(run("--application-server", "nohost").err()).contains("kafka.application.server is 'nohost'");
    assertThat(run("--set", "painguard.log.format=yaml").err().strip())
        .isEqualTo("painguard app: painguard.log.format is 'yaml'; it must be text or json.");
    assertThat(run("--set", "kafka.painguard.rocksdb.total-bytes=12").err().strip()).isEqualTo(
        "painguard app: kafka.painguard.rocksdb.total-bytes must be a number of bytes of at least 1 MiB, got '12'.");
  }

  @Test
  void aSerdeClassOrSerdeSettingThatCannotBeUsedIsRefusedInOneSentenceBeforeAnythingStarts() {
    Run missingClass = run("--set",
        "painguard.serde.value-class=io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde");
    Run badBearer = run("--set", "bearer.auth.credentials.source=OAUTHBEARER",
        "--set", "bearer.auth.token=tok-s3cr3t-77");
    Run badStrategy = run("--set", "value.subject.name.strategy=AssociatedNameStrategy");

    assertThat(missingClass.exitCode()).isEqualTo(AppCommand.EXIT_REFUSED);
    assertThat(missingClass.err().strip().lines()).hasSize(1);
    assertThat(missingClass.err()).startsWith("painguard app: painguard.serde.value-class names"
        + " io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde, which is not on the classpath");
    assertThat(badBearer.err()).startsWith("painguard app: bearer.auth.credentials.source must be"
        + " STATIC_TOKEN").doesNotContain("tok-s3cr3t-77").doesNotContain("\tat ");
    assertThat(badStrategy.err()).contains("value.subject.name.strategy 'AssociatedNameStrategy' is not"
        + " supported");
  }

  @Test
  void anUnreachableBrokerIsRefusedQuicklyInOneSentence() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    Run run = run("--bootstrap", "127.0.0.1:" + closedPort, "--http-port", "0", "--set", "painguard.startup.timeout=1s");

    assertThat(run.exitCode()).isEqualTo(AppCommand.EXIT_REFUSED);
    assertThat(run.err().strip())
        .isEqualTo(
            "painguard app: Kafka at 127.0.0.1:" + closedPort + " did not answer within 1 s; is the broker"
                + " running (e.g. ./painguard stack) and is kafka.bootstrap.servers right?");
  }

  @Test
  void aTakenHttpPortIsRefusedBeforeKafkaIsAsked() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run =
          run("--http-port", Integer.toString(taken.getLocalPort()), "--set", "painguard.http.host=127.0.0.1",
              "--bootstrap", "unresolvable.invalid:9092");

      assertThat(run.exitCode()).isEqualTo(AppCommand.EXIT_REFUSED);
      assertThat(run.err().strip())
          .isEqualTo("painguard app: Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use; choose"
              + " another with --http-port (painguard.http.port).");
    }
  }

  @Test
  void helpListsTheFlags() {
    Run run = run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--config", "--bootstrap", "--registry", "--http-port", "--state-dir",
        "--application-server", "--set", "not a diagnosis");
  }
}
