package io.painguard.systemtest.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.stack.Ports;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.Figures;
import io.painguard.systemtest.support.Leftovers;
import io.painguard.systemtest.support.SystemStack;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other system test (classes run in {@code @Order}): once the shared stack is
 * closed, nothing the suite started may remain -- no child JVM, no listening port, no temporary
 * directory.
 */
@Order(Integer.MAX_VALUE)
class ShutdownHygieneIT {

  @Test
  void theSuiteLeavesNoProcessPortOrTemporaryDirectoryBehind() {
    SystemStack.closeShared();

    Await.until("every child process to be gone", Duration.ofSeconds(15), () ->
        ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    List<String> children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    assertThat(children).as("child processes still running").isEmpty();

    Set<Integer> ports = Leftovers.ports();
    Await.until("every port the suite used to be free", Duration.ofSeconds(15), () ->
        ports.stream().allMatch(Ports::isFree));
    assertThat(ports.stream().filter(p -> !Ports.isFree(p)).collect(Collectors.toList()))
        .as("ports still listening").isEmpty();

    List<String> left = Leftovers.newTempEntries();
    assertThat(left).as("temporary directories left in " + Leftovers.tempDir()).isEmpty();

    Figures.record("hygiene", ports.size() + " ports checked free, no child process, no temporary directory left");
    assertThat(ports).as("the suite recorded the ports it used").isNotEmpty();
  }
}
