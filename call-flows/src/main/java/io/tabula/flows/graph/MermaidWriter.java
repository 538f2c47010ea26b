package io.tabula.flows.graph;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import java.util.Locale;

/**
 * Writes a flow as a Mermaid flowchart, which GitHub, GitLab and most wikis draw as they show it.
 *
 * <pre>{@code
 * String mermaid = MermaidWriter.write(flow);
 * }</pre>
 */
public final class MermaidWriter {

  private MermaidWriter() {}

  public static String write(Flow flow) {
    StringBuilder out = new StringBuilder("flowchart TD\n");
    out.append("  %% ").append(flow.tenant()).append('/').append(flow.name()).append('\n');
    out.append("  START((start)) --> ").append(node(flow.start().step())).append('\n');
    for (Step step : flow.steps().values()) {
      out.append("  ").append(node(step.id())).append(shape(step)).append('\n');
    }
    for (Step step : flow.steps().values()) {
      for (Step.Edge edge : step.edges()) {
        out.append("  ")
            .append(node(step.id()))
            .append(" -->|")
            .append(escape(edge.label()))
            .append("| ")
            .append(node(edge.target().step()))
            .append('\n');
      }
    }
    flow.agent()
        .ifPresent(
            agent ->
                out.append("  AGENT{{\"key ")
                    .append(agent.key())
                    .append(": agent queue ")
                    .append(escape(agent.queue()))
                    .append("\"}}\n"));
    return out.toString();
  }

  private static String shape(Step step) {
    String label = "\"" + escape(step.id()) + "<br/><i>" + StepKinds.describe(step) + "</i>\"";
    return switch (step) {
      case Step.Menu m -> "{" + label + "}";
      case Step.Language l -> "{" + label + "}";
      case Step.Branch b -> "{" + label + "}";
      case Step.Transfer t -> "([" + label + "])";
      case Step.Hangup h -> "([" + label + "])";
      case Step.Lookup l -> "[(" + label + ")]";
      case Step.Pay p -> "[(" + label + ")]";
      default -> "[" + label + "]";
    };
  }

  /** Mermaid ids allow letters, digits and underscores. */
  static String node(String id) {
    return "s_" + id.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
  }

  private static String escape(String text) {
    return text.replace("\"", "'").replace("|", "/");
  }
}
