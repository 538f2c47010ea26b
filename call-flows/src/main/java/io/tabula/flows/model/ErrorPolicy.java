package io.tabula.flows.model;

import java.util.Optional;

/**
 * What happens when anything goes wrong in a call: say {@code prompt}, then transfer to the agent
 * queue or hang up. The default apologizes and transfers.
 */
public record ErrorPolicy(Optional<SayItem.PromptRef> prompt, Then then, SourcePos pos) {

  /** The end of the error path. */
  public enum Then {
    AGENT,
    HANGUP
  }
}
