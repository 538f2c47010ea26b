package io.tabula.flows.parse;

import io.tabula.flows.model.AgentPath;
import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.ErrorPolicy;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.FlowNames;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.model.Step;
import io.tabula.flows.model.Target;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads one flow file into a {@link Flow}, reporting every problem of shape (missing keys, unknown
 * keys, bad values) with its line and column. Meaning (reachability, types, secrets) is checked
 * afterwards by the validator.
 *
 * <pre>{@code
 * ParseResult result = FlowParser.parse("flows/city/parking-ticket.yaml", yamlText);
 * result.flow().ifPresent(...); result.problems().forEach(d -> System.out.println(d.render()));
 * }</pre>
 */
public final class FlowParser {

  static final List<String> TOP_KEYS =
      List.of(
          "flow",
          "tenant",
          "description",
          "start",
          "time_limit",
          "currency",
          "languages",
          "agent",
          "on_error",
          "prompts",
          "steps");

  /** The longest flow file accepted; bigger files are a mistake, not a flow. */
  public static final int MAX_CHARS = 512 * 1024;

  private FlowParser() {}

  /**
   * The outcome of parsing: a flow when there are no problems, and the problems.
   *
   * @param checkable the flow as built despite the problems, when they left every step and the
   *     top-level keys in place (an unknown key, a bad value): the validator can still check its
   *     references without reporting the consequences of a missing piece as new errors
   */
  public record ParseResult(
      Optional<Flow> flow, List<Diagnostic> problems, Optional<Flow> checkable) {

    ParseResult(Optional<Flow> flow, List<Diagnostic> problems) {
      this(flow, problems, flow);
    }
  }

  public static ParseResult parse(String file, String text) {
    Problems problems = new Problems(file);
    if (text.length() > MAX_CHARS) {
      problems.add(
          new SourcePos(file, 1, 1),
          "the file has more than " + MAX_CHARS + " characters",
          "split it into several flows");
      return new ParseResult(Optional.empty(), problems.sorted());
    }
    Optional<Node> root =
        SafeYaml.compose(text, problems, "start with 'flow: <name>' and 'steps:'");
    if (root.isEmpty()) {
      return new ParseResult(Optional.empty(), problems.sorted());
    }
    boolean[] complete = {false};
    Optional<Flow> flow =
        YamlMap.of(problems, root.get(), "a flow file")
            .flatMap(map -> build(map, problems, complete));
    return problems.isEmpty()
        ? new ParseResult(flow, problems.sorted())
        : new ParseResult(
            Optional.empty(), problems.sorted(), complete[0] ? flow : Optional.<Flow>empty());
  }

  /** Builds what it can; {@code complete[0]} says whether every step and top-level key made it. */
  private static Optional<Flow> build(YamlMap top, Problems problems, boolean[] complete) {
    top.allowOnly("a flow", TOP_KEYS);
    String name = top.text("flow", true, "a flow").orElse("");
    String tenant = top.text("tenant", true, "a flow").orElse("");
    checkName(top, problems, "flow", name);
    checkName(top, problems, "tenant", tenant);
    Target start =
        top.text("start", true, "a flow")
            .map(s -> new Target(s, top.value("start").map(problems::pos).orElseThrow()))
            .orElse(new Target("", top.pos()));
    Duration timeLimit = top.duration("time_limit", Duration.ofMinutes(15));
    Currency currency = currency(top, problems);
    List<String> languages = FlowLanguages.parse(top);
    Optional<AgentPath> agent = top.map("agent", false, "a flow").map(a -> agent(a, problems));
    ErrorPolicy onError =
        top.map("on_error", false, "a flow")
            .map(StepParser::errorPolicy)
            .orElse(new ErrorPolicy(Optional.empty(), ErrorPolicy.Then.AGENT, top.pos()));
    Map<String, Map<String, String>> prompts = new LinkedHashMap<>();
    Map<String, SourcePos> promptPositions = new LinkedHashMap<>();
    top.map("prompts", false, "a flow")
        .ifPresent(p -> FlowLanguages.prompts(p, languages, prompts, promptPositions));
    Map<String, Step> steps = new LinkedHashMap<>();
    Optional<YamlMap> stepMap = top.map("steps", true, "a flow");
    stepMap.ifPresent(s -> steps(s, steps));
    complete[0] =
        !name.isEmpty()
            && !tenant.isEmpty()
            && !start.step().isEmpty()
            && stepMap.map(s -> s.entries().size() == steps.size()).orElse(false);
    return Optional.of(
        new Flow(
            problems.file(),
            name,
            tenant,
            start,
            timeLimit,
            currency,
            languages,
            agent,
            onError,
            Map.copyOf(prompts),
            Map.copyOf(promptPositions),
            java.util.Collections.unmodifiableMap(steps)));
  }

  /**
   * The tenant and flow name become the request path that routes a call and folders of the flow
   * store, so they follow the route rule ({@link FlowNames}); anything else could never be called
   * and could name a path outside the store.
   */
  private static void checkName(YamlMap top, Problems problems, String key, String value) {
    if (!value.isEmpty() && !FlowNames.isName(value)) {
      problems.add(
          top.value(key).orElseThrow(),
          "the " + key + " '" + value + "' is not a name",
          "use " + FlowNames.RULE + " (it is part of the call's AGI path and a store folder)");
    }
  }

  private static Currency currency(YamlMap top, Problems problems) {
    Optional<String> code = top.text("currency", false, "a flow");
    if (code.isEmpty()) {
      return Currency.getInstance("USD");
    }
    try {
      return Currency.getInstance(code.get());
    } catch (IllegalArgumentException e) {
      problems.add(
          top.value("currency").orElseThrow(),
          "'" + code.get() + "' is not an ISO 4217 currency code",
          "write a code such as USD or EUR");
      return Currency.getInstance("USD");
    }
  }

  private static AgentPath agent(YamlMap agent, Problems problems) {
    agent.allowOnly("'agent'", List.of("queue", "key"));
    String queue = agent.text("queue", true, "'agent'").orElse("");
    String key = agent.text("key", false, "'agent'").orElse("0");
    if (key.length() != 1 || "0123456789*#".indexOf(key.charAt(0)) < 0) {
      problems.add(
          agent.value("key").orElseThrow(),
          "the agent key must be one key: 0-9, * or #",
          "write key: \"0\"");
      key = "0";
    }
    return new AgentPath(queue, key.charAt(0), agent.pos());
  }

  private static void steps(YamlMap map, Map<String, Step> steps) {
    for (Map.Entry<String, NodeTuple> entry : map.entries().entrySet()) {
      SourcePos pos = map.problems().pos(entry.getValue().getKeyNode());
      YamlMap.of(map.problems(), entry.getValue().getValueNode(), "step '" + entry.getKey() + "'")
          .flatMap(body -> StepParser.step(entry.getKey(), pos, body))
          .ifPresent(step -> steps.put(entry.getKey(), step));
    }
  }

  /** A prompt reference as the parser builds it. */
  static SayItem.PromptRef promptRef(String id, SourcePos pos) {
    return new SayItem.PromptRef(id, pos);
  }
}
