package io.tabula.ops.asterisk.lint;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.model.Step;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.store.ShippedFlowFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the Asterisk configuration must agree with, taken from the flows through call-flows' own
 * parser: the {@code <tenant>/<flow>} routes that exist, the agent queues calls are transferred to,
 * and whether any flow collects secure input (which the recording must be muted for).
 *
 * @param source where the flows came from, for the summary
 * @param flows the flows that parsed
 * @param unreadable flow files that could not be read or parsed, with why
 */
public record FlowFacts(String source, List<Flow> flows, List<String> unreadable) {

  /** A queue a flow transfers to, and where the flow names it. */
  public record QueueUse(String queue, String flow, SourcePos where) {}

  /** Every {@code *.yaml} flow under {@code dir}. */
  public static FlowFacts fromDir(Path dir) throws IOException {
    List<Flow> flows = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        unreadable.add(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        continue;
      }
      add(file.toString(), text, flows, unreadable);
    }
    return new FlowFacts(dir.toString(), List.copyOf(flows), List.copyOf(unreadable));
  }

  /** The flows shipped in the jar, for hosts without the repository. */
  public static FlowFacts shipped() {
    List<Flow> flows = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (String name : ShippedFlowFiles.FLOWS) {
      ShippedFlowFiles.read(name).ifPresent(text -> add(name, text, flows, unreadable));
    }
    return new FlowFacts("the shipped flows", List.copyOf(flows), List.copyOf(unreadable));
  }

  private static void add(String file, String text, List<Flow> flows, List<String> unreadable) {
    FlowParser.ParseResult parsed = FlowParser.parse(file, text);
    if (parsed.flow().isPresent()) {
      flows.add(parsed.flow().get());
    } else {
      unreadable.add(
          file
              + ": is not a valid flow ("
              + parsed.problems().size()
              + " problems; run"
              + " 'tabula flows validate "
              + file
              + "')");
    }
  }

  /** The flow a FastAGI request path {@code tenant/flow} starts, if any. */
  public Optional<Flow> route(String tenant, String flow) {
    return flows.stream()
        .filter(f -> f.tenant().equals(tenant) && f.name().equals(flow))
        .findFirst();
  }

  /** Every queue a call can be transferred to: agent paths and transfer steps. */
  public List<QueueUse> queues() {
    List<QueueUse> uses = new ArrayList<>();
    for (Flow flow : flows) {
      String id = flow.tenant() + "/" + flow.name();
      flow.agent().ifPresent(a -> uses.add(new QueueUse(a.queue(), id, a.pos())));
      for (Step step : flow.steps().values()) {
        if (step instanceof Step.Transfer transfer && transfer.queue().isPresent()) {
          uses.add(new QueueUse(transfer.queue().get(), id, transfer.pos()));
        }
      }
    }
    return uses;
  }

  /** The first secure collect step of any flow, if there is one. */
  public Optional<SourcePos> firstSecureInput() {
    return flows.stream()
        .flatMap(flow -> flow.steps().values().stream())
        .filter(step -> step instanceof Step.Collect collect && collect.secure())
        .map(Step::pos)
        .findFirst();
  }

  /** The routes as {@code tenant/flow}, for messages. */
  public List<String> routes() {
    return flows.stream().map(f -> f.tenant() + "/" + f.name()).sorted().toList();
  }
}
