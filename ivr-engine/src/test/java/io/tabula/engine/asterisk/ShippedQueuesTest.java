package io.tabula.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every agent queue a shipped flow can send a caller to (its {@code agent.queue} and any {@code
 * transfer.queue}) is a queue of the shipped docker/asterisk/queues.conf: a name Asterisk does not
 * know makes {@code Queue()} fail, and the caller who asked for an agent is hung up.
 */
class ShippedQueuesTest {

  private static final Pattern SECTION = Pattern.compile("(?m)^\\[([^\\]]+)]");

  @Test
  void everyQueueAShippedFlowNamesIsAShippedQueue() throws IOException {
    Set<String> named = queuesTheFlowsName();
    assertThat(named).contains("city-parking-agents", "utility-billing-agents");
    assertThat(shippedQueues()).containsAll(named);
  }

  static Set<String> queuesTheFlowsName() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Set<String> queues = new TreeSet<>();
    try (Stream<Path> files = Files.walk(RealAsteriskFiles.FLOWS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        JsonNode flow = yaml.readTree(file.toFile());
        addText(queues, flow.at("/agent/queue"));
        for (JsonNode step : flow.path("steps")) {
          addText(queues, step.at("/transfer/queue"));
        }
      }
    }
    return queues;
  }

  private static void addText(Set<String> queues, JsonNode value) {
    if (value.isTextual()) {
      queues.add(value.asText());
    }
  }

  static Set<String> shippedQueues() throws IOException {
    String conf = Files.readString(RealAsteriskFiles.SHIPPED_ASTERISK.resolve("queues.conf"));
    Set<String> queues = new TreeSet<>();
    SECTION.matcher(conf).results().map(m -> m.group(1)).forEach(queues::add);
    queues.remove("general");
    return queues;
  }
}
