package io.painguard.bench.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.bench.process.ParentLink;
import io.painguard.bench.process.ResourceSampler;
import io.painguard.stack.LocalStack;
import java.util.Map;

/** Entry point of the broker JVM that {@link ChildProcessCluster} starts. */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    ParentLink link = ParentLink.open();
    ObjectMapper json = new ObjectMapper();
    try (ResourceSampler sampler = new ResourceSampler().start()) {
      LocalStack stack;
      try {
        stack = EmbeddedBroker.start();
      } catch (RuntimeException e) {
        link.say(ParentLink.ERROR, "the embedded broker did not start: " + e.getMessage());
        System.exit(1);
        return;
      }
      try {
        link.say(
            ParentLink.READY,
            json.writeValueAsString(
                Map.of("bootstrap", stack.bootstrapServers(), "registry", stack.schemaRegistryUrl())));
        while (true) {
          String command = link.nextCommand(1_000);
          if (ParentLink.SNAPSHOT.equals(command)) {
            link.say(ParentLink.STATS, json.writeValueAsString(sampler.snapshot()));
          } else if (ParentLink.STOP.equals(command)) {
            break;
          }
        }
      } finally {
        stack.close();
      }
    }
    System.exit(0);
  }
}
