package io.tabula.flows.model;

import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed flow: what one kind of self-service call does. Built by {@code FlowParser}, checked by
 * {@code FlowValidator}, run by {@code FlowRunner}.
 *
 * @param file the file it came from, for messages
 * @param name the flow's name, also its file name
 * @param tenant the tenant it belongs to
 * @param start the first step
 * @param timeLimit the most a call may last in this flow
 * @param currency the currency amounts are spoken in when a value carries none
 * @param agent the agent path, if the flow has one (the validator insists)
 * @param onError what happens on any failure
 * @param prompts prompt id to its text
 * @param promptPositions where each prompt is defined
 * @param steps the steps in file order
 */
public record Flow(
    String file,
    String name,
    String tenant,
    Target start,
    Duration timeLimit,
    Currency currency,
    Optional<AgentPath> agent,
    ErrorPolicy onError,
    Map<String, String> prompts,
    Map<String, SourcePos> promptPositions,
    Map<String, Step> steps) {

  public Optional<Step> step(String id) {
    return Optional.ofNullable(steps.get(id));
  }

  /** The text of a prompt, or empty when it has none. */
  public String promptText(String id) {
    return prompts.getOrDefault(id, "");
  }
}
