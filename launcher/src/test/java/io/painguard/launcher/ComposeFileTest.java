package io.painguard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.painguard.contract.ContractTopics;
import io.painguard.runtime.KnownSettings;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.EnvironmentKeys;
import io.painguard.runtime.config.RuntimeSettings;
import io.painguard.runtime.config.SettingSources;
import io.painguard.simulator.cli.SimulateCommand;
import io.painguard.stack.junit.StackImages;
import io.painguard.topology.TopologySettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * No Docker engine runs here, so docker-compose.yml is checked against what it deploys: the app's
 * configuration keys, the contract's topics, the simulator's options, the images the build pins
 * and the Dockerfiles. {@link ComposeKeepsItsDataTest} checks volumes and shutdown.
 */
class ComposeFileTest {

  private static ComposeFile compose;

  @BeforeAll
  static void readComposeFile() {
    compose = ComposeFile.read();
  }

  @Test
  void everyServiceIsThereWithAPinnedImageAndAHealthcheck() {
    assertThat(compose.services().fieldNames()).toIterable()
        .containsExactlyInAnyOrder("kafka", "schema-registry", "app", "simulator");
    for (String name : List.of("kafka", "schema-registry", "app")) {
      JsonNode service = compose.service(name);
      String image = service.get("image").asText();
      assertThat(image).as(name).matches("[a-z0-9./-]+:\\d[\\w.-]*");
      assertThat(service.path("healthcheck").path("test").isMissingNode()).as(name + " healthcheck").isFalse();
    }
  }

  @Test
  void theBrokerAndRegistryImagesAreTheOnesTheBuildPinsForTestcontainers() {
    // Given the images the parent pom pins (kafka.image, confluent.registry.image), as the
    // Testcontainers backend reads them
    StackImages pinned = StackImages.pinned();

    // Then compose runs the very same ones
    assertThat(compose.service("kafka").get("image").asText()).isEqualTo(pinned.kafka());
    assertThat(compose.service("schema-registry").get("image").asText()).isEqualTo(pinned.schemaRegistry());
  }

  @Test
  void theAppsEnvironmentIsAValidConfigurationPointingAtTheComposeServices() {
    AppConfig config = appConfig(compose.environment("app"));
    RuntimeSettings runtime = RuntimeSettings.from(config);

    String bootstrap = (String) config.kafkaProperties().get("bootstrap.servers");
    assertThat(advertisedListeners()).contains(bootstrap);
    URI registry = URI.create(config.get("schema.registry.url"));
    assertThat(registry.getHost()).isEqualTo("schema-registry");
    assertThat(compose.env("schema-registry", "SCHEMA_REGISTRY_LISTENERS")).endsWith(":" + registry.getPort());
    assertThat(config.kafkaProperties()).containsEntry("processing.guarantee", "exactly_once_v2");
    assertThat(runtime.httpTokens()).isNotBlank();

    // The dashboard port is published and the healthcheck asks the readiness endpoint on it.
    int httpPort = config.httpPort();
    assertThat(compose.service("app").get("ports").get(0).asText()).endsWith(":" + httpPort);
    assertThat(compose.service("app").get("healthcheck").get("test").toString())
        .contains("localhost:" + httpPort + "/health/ready");
  }

  @Test
  void everyPainguardVariableOfTheAppIsASettingTheAppKnows() {
    // Given the app's environment in compose
    Map<String, String> environment = compose.environment("app");
    assertThat(environment).isNotEmpty();

    for (Map.Entry<String, String> variable : environment.entrySet()) {
      // Then the app reads each variable (it ignores names without its prefix) ...
      assertThat(variable.getKey()).as("a variable the app would ignore").startsWith("PAINGUARD_");

      // ... as exactly one setting, which the app knows by that name
      Map<String, String> resolved =
          EnvironmentKeys.resolve(
              SettingSources.fromEnvironment(Map.of(variable.getKey(), variable.getValue())),
              KnownSettings.painguardKeys());
      assertThat(resolved).as(variable.getKey()).hasSize(1);
      String key = resolved.keySet().iterator().next();
      assertThat(ComposeSettings.isKnown(key)).as(variable.getKey() + " sets '" + key + "', a setting the app does not know").isTrue();
    }
  }

  @Test
  void theAppReadsAndWritesTheContractsTopics() {
    AppConfig config = appConfig(compose.environment("app"));

    TopologySettings topics = TopologySettings.fromProperties(config.family("painguard."));

    assertThat(List.of(topics.activityEventsTopic(), topics.painReportsTopic(), topics.athleteProfilesTopic(),
            topics.exertionAlertsTopic(), topics.deadLetterTopic()))
        .containsExactly(ContractTopics.ACTIVITY_EVENTS, ContractTopics.PAIN_REPORTS, ContractTopics.ATHLETE_PROFILES,
            ContractTopics.EXERTION_ALERTS, ContractTopics.DEAD_LETTERS);
  }

  @Test
  void theSimulatorsCommandIsOneItAcceptsAimedAtTheComposeServices() {
    List<String> args = new ArrayList<>();
    compose.service("simulator").get("command").forEach(a -> args.add(a.asText()));

    CommandLine.ParseResult parsed =
        SimulateCommand.newCommandLine(System.out, System.err).parseArgs(args.toArray(String[]::new));

    assertThat(advertisedListeners()).contains(parsed.matchedOptionValue("--bootstrap", ""));
    assertThat(URI.create(parsed.matchedOptionValue("--registry", "")).getHost()).isEqualTo("schema-registry");
    assertThat(parsed.matchedOptionValue("--scenario", "")).isEqualTo("demo");
  }

  @Test
  void eachBuiltServiceCopiesTheJarItsModuleBuildsIntoAJreImageWithoutRebuildingIt() throws IOException {
    List<String> dockerignore = Files.readAllLines(ComposeFile.ROOT.resolve(".dockerignore"));
    for (String name : List.of("app", "simulator")) {
      // Given the service's Dockerfile, built from the repository root
      JsonNode build = compose.service(name).get("build");
      assertThat(build.get("context").asText()).isEqualTo(".");
      Path dockerfile = ComposeFile.ROOT.resolve(build.get("dockerfile").asText());
      String text = Files.readString(dockerfile);
      Path module = dockerfile.getParent();

      // Then it copies the shaded jar its module's pom names ...
      Matcher copy = Pattern.compile("(?m)^COPY (\\S+/target/(painguard-[\\w-]+\\.jar)) ").matcher(text);
      assertThat(copy.find()).as(dockerfile + " copies a built jar").isTrue();
      assertThat(copy.group(1)).startsWith(ComposeFile.ROOT.relativize(module) + "/");
      assertThat(Files.readString(module.resolve("pom.xml"))).as("shaded jar name in " + module).contains(copy.group(2));
      // ... which .dockerignore lets through while it keeps everything else out
      assertThat(dockerignore).contains("*", "!" + copy.group(1));
      // ... into a pinned JRE, run by a user that is not root, with no build inside Docker
      assertThat(text).containsPattern("(?m)^FROM [\\w./-]+:\\d[\\w.-]*-jre$").contains("USER painguard")
          .doesNotContainPattern("(?m)^RUN[^\\n]*mvnw").doesNotContain("COPY . ");
    }
  }

  private static AppConfig appConfig(Map<String, String> environment) {
    return AppConfig.of(EnvironmentKeys.resolve(SettingSources.fromEnvironment(environment), KnownSettings.painguardKeys()));
  }

  private static String advertisedListeners() {
    return compose.env("kafka", "KAFKA_ADVERTISED_LISTENERS");
  }
}
