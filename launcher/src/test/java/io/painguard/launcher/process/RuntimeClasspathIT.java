package io.painguard.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The classpath file {@code ./painguard} runs with holds every class PainGuard's own code refers
 * to. A dependency that Maven's mediation drops from the runtime scope (as a test-scoped
 * declaration in the launcher once did to the simulator's YAML parser) fails here, at build time,
 * instead of in a newcomer's first {@code ./painguard demo}. And what ships holds no test library
 * (the build's enforcer rule bans them from compile and runtime scope; this checks the result).
 */
class RuntimeClasspathIT {

  /** Jars of test libraries and of PainGuard's test fixtures, by file name. */
  private static final Pattern TEST_LIBRARY_JAR =
      Pattern.compile(
          "(testcontainers|junit|opentest4j|assertj|awaitility|selenium|kafka-streams-test-utils|docker-java"
              + "|painguard-local-stack-junit|painguard-test-support)[\\w.-]*\\.jar");
  /** Packages of the same libraries, as they would appear inside a shaded jar. */
  private static final Pattern TEST_LIBRARY_CLASS =
      Pattern.compile("(org/junit|org/testcontainers|org/assertj|org/awaitility|org/openqa|com/github/dockerjava"
          + "|io/painguard/stack/junit)/.*\\.class");

  @Test
  void everyClassPainguardCodeRefersToIsOnTheLaunchersRuntimeClasspath() throws Exception {
    // Given the classpath file the script uses, and PainGuard's own jars on it
    Path root = PainguardProcess.repositoryRoot();
    String classpath = Files.readString(root.resolve("launcher/target/painguard.classpath")).trim();
    List<String> ours =
        Arrays.stream(classpath.split(java.io.File.pathSeparator))
            .filter(entry -> Path.of(entry).getFileName().toString().startsWith("painguard-"))
            .toList();
    assertThat(ours).as("PainGuard modules on the classpath").hasSizeGreaterThanOrEqualTo(5);

    // When jdeps resolves every reference from our code against that classpath
    List<String> args = new ArrayList<>(List.of("--multi-release", "17", "--missing-deps", "-cp", classpath));
    args.add(root.resolve("launcher/target/classes").toString());
    args.addAll(ours);
    StringWriter out = new StringWriter();
    int exit =
        ToolProvider.findFirst("jdeps").orElseThrow()
            .run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));

    // Then nothing is missing
    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).as("classes missing at run time").doesNotContain("not found");
  }

  @Test
  void theStandaloneAppJarHoldsEveryClassTheAppRefersTo() throws Exception {
    // Given the README's other way to run the app: java -jar streams-app/target/painguard-streams-app.jar
    Path jar = PainguardProcess.repositoryRoot().resolve("streams-app/target/painguard-streams-app.jar");
    assertThat(jar).exists();

    // When jdeps resolves every reference from PainGuard's classes inside it
    StringWriter out = new StringWriter();
    int exit =
        ToolProvider.findFirst("jdeps").orElseThrow()
            .run(new PrintWriter(out), new PrintWriter(out),
                "--multi-release", "17", "--missing-deps", "-include", "io\\.painguard\\..*", jar.toString());

    // Then nothing is missing
    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).as("classes missing from the app jar").doesNotContain("not found");
  }

  @Test
  void theLaunchersRuntimeClasspathHoldsNoTestLibrary() throws Exception {
    // Given the classpath file the script runs with
    String classpath =
        Files.readString(PainguardProcess.repositoryRoot().resolve("launcher/target/painguard.classpath")).trim();

    // When we name the jars on it
    List<String> jars =
        Arrays.stream(classpath.split(java.io.File.pathSeparator))
            .map(entry -> Path.of(entry).getFileName().toString())
            .toList();

    // Then PainGuard's modules are there and no test library is
    assertThat(jars).anyMatch(jar -> jar.startsWith("painguard-local-stack"));
    assertThat(jars).noneMatch(jar -> TEST_LIBRARY_JAR.matcher(jar).matches());
  }

  @Test
  void theShadedAppAndSimulatorJarsHoldNoTestLibraryClass() throws Exception {
    for (String jar : List.of("streams-app/target/painguard-streams-app.jar", "simulator/target/painguard-simulator.jar")) {
      // Given a jar the Dockerfiles copy into the images
      Path path = PainguardProcess.repositoryRoot().resolve(jar);
      assertThat(path).exists();

      // When we list its classes
      try (JarFile file = new JarFile(path.toFile())) {
        List<String> testClasses =
            file.stream().map(entry -> entry.getName()).filter(name -> TEST_LIBRARY_CLASS.matcher(name).matches()).toList();

        // Then none comes from a test library
        assertThat(testClasses).as(jar).isEmpty();
      }
    }
  }
}
