package io.painguard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.painguard.contract.ContractTopics;
import io.painguard.runtime.KnownSettings;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.EnvironmentKeys;
import io.painguard.runtime.config.RuntimeSettings;
import io.painguard.runtime.config.SettingSources;
import io.painguard.simulator.cli.SimulateCommand;
import io.painguard.topology.TopologySettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * No Docker engine runs here, so docker-compose.yml is checked against what it deploys: the app's
 * configuration keys, the contract's topics, the simulator's options and the Dockerfiles.
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");
  private static JsonNode services;

  @BeforeAll
  static void readComposeFile() throws IOException {
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    services = compose.get("services");
  }

  @Test
  void everyServiceIsThereWithAPinnedImageAndAHealthcheck() {
    assertThat(services.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("kafka", "schema-registry", "app", "simulator");
    for (String name : List.of("kafka", "schema-registry", "app")) {
      JsonNode service = services.get(name);
      String image = service.get("image").asText();
      assertThat(image).as(name).matches("[a-z0-9./-]+:\\d[\\w.-]*");
      assertThat(service.path("healthcheck").path("test").isMissingNode()).as(name + " healthcheck").isFalse();
    }
    assertThat(services.get("kafka").get("image").asText()).startsWith("apache/kafka:");
    assertThat(services.get("schema-registry").get("image").asText()).startsWith("confluentinc/cp-schema-registry:");
  }

  @Test
  void theAppsEnvironmentIsAValidConfigurationPointingAtTheComposeServices() {
    Map<String, String> environment = environment(services.get("app"));

    AppConfig config =
        AppConfig.of(EnvironmentKeys.resolve(SettingSources.fromEnvironment(environment), KnownSettings.painguardKeys()));
    RuntimeSettings runtime = RuntimeSettings.from(config);

    String bootstrap = (String) config.kafkaProperties().get("bootstrap.servers");
    assertThat(advertisedListeners()).contains(bootstrap);
    URI registry = URI.create(config.get("schema.registry.url"));
    assertThat(registry.getHost()).isEqualTo("schema-registry");
    assertThat(env(services.get("schema-registry"), "SCHEMA_REGISTRY_LISTENERS")).endsWith(":" + registry.getPort());
    assertThat(config.kafkaProperties()).containsEntry("processing.guarantee", "exactly_once_v2");
    assertThat(runtime.httpTokens()).isNotBlank();

    // The dashboard port is published and the healthcheck asks the readiness endpoint on it.
    int httpPort = config.httpPort();
    assertThat(services.get("app").get("ports").get(0).asText()).endsWith(":" + httpPort);
    assertThat(services.get("app").get("healthcheck").get("test").toString())
        .contains("localhost:" + httpPort + "/health/ready");
  }

  @Test
  void theAppReadsAndWritesTheContractsTopics() {
    Map<String, String> environment = environment(services.get("app"));
    AppConfig config =
        AppConfig.of(EnvironmentKeys.resolve(SettingSources.fromEnvironment(environment), KnownSettings.painguardKeys()));

    TopologySettings topics = TopologySettings.fromProperties(config.family("painguard."));

    assertThat(List.of(topics.activityEventsTopic(), topics.painReportsTopic(), topics.athleteProfilesTopic(),
            topics.exertionAlertsTopic(), topics.deadLetterTopic()))
        .containsExactly(ContractTopics.ACTIVITY_EVENTS, ContractTopics.PAIN_REPORTS, ContractTopics.ATHLETE_PROFILES,
            ContractTopics.EXERTION_ALERTS, ContractTopics.DEAD_LETTERS);
  }

  @Test
  void theSimulatorsCommandIsOneItAcceptsAimedAtTheComposeServices() {
    List<String> args = new ArrayList<>();
    services.get("simulator").get("command").forEach(a -> args.add(a.asText()));

    CommandLine.ParseResult parsed =
        SimulateCommand.newCommandLine(System.out, System.err).parseArgs(args.toArray(String[]::new));

    assertThat(advertisedListeners()).contains(parsed.matchedOptionValue("--bootstrap", ""));
    assertThat(URI.create(parsed.matchedOptionValue("--registry", "")).getHost()).isEqualTo("schema-registry");
    assertThat(parsed.matchedOptionValue("--scenario", "")).isEqualTo("demo");
  }

  @Test
  void eachBuiltServiceHasADockerfileThatCopiesTheJarItsModuleBuilds() throws IOException {
    for (String name : List.of("app", "simulator")) {
      Path dockerfile = ROOT.resolve(services.get(name).get("build").get("dockerfile").asText());
      String text = Files.readString(dockerfile);
      Path module = dockerfile.getParent();
      Matcher jar = Pattern.compile("target/(painguard-[\\w-]+\\.jar)").matcher(text);
      assertThat(jar.find()).as(dockerfile.toString()).isTrue();
      assertThat(Files.readString(module.resolve("pom.xml"))).as("shaded jar name in " + module).contains(jar.group(1));
      assertThat(text).contains("USER painguard").containsPattern("FROM [\\w./-]+:\\d[\\w.-]* AS build");
    }
  }

  private static String advertisedListeners() {
    return env(services.get("kafka"), "KAFKA_ADVERTISED_LISTENERS");
  }

  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> environment = new LinkedHashMap<>();
    service.get("environment").fields().forEachRemaining(e -> {
      Matcher defaulted = DEFAULTED.matcher(e.getValue().asText());
      environment.put(e.getKey(), defaulted.matches() ? defaulted.group(1) : e.getValue().asText());
    });
    return environment;
  }

  private static String env(JsonNode service, String name) {
    return service.get("environment").get(name).asText();
  }
}
