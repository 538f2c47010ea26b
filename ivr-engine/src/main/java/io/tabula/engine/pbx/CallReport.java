package io.tabula.engine.pbx;

import java.util.List;
import java.util.Map;

/**
 * How a virtual-PBX call went, from the caller's side.
 *
 * @param outcome how the call ended
 * @param heard what the caller heard, in order
 * @param commands how many AGI commands the engine sent
 * @param variables the channel variables at the end (e.g. the transfer variable)
 * @param redirectTarget where an AMI Redirect sent the channel ({@code context,exten,priority}),
 *     empty when none did
 * @param engine the engine the call's FastAGI connection reached ({@code address:port}), empty when
 *     none did
 */
public record CallReport(
    Outcome outcome,
    List<Heard> heard,
    int commands,
    Map<String, String> variables,
    String redirectTarget,
    String engine) {

  /** How a call ended. */
  public enum Outcome {
    /** The engine sent {@code HANGUP}. */
    ENGINE_HUNG_UP,
    /** The script or person hung up. */
    CALLER_HUNG_UP,
    /** The engine ended the AGI and the dialplan continues (a transfer if the variable is set). */
    AGI_ENDED,
    /**
     * An AMI Redirect moved the channel elsewhere: the AGI saw a hangup, the call goes on in the
     * dialplan at {@link CallReport#redirectTarget}.
     */
    REDIRECTED,
    /** The connection broke or could not be made. */
    CONNECTION_FAILED
  }

  public CallReport {
    heard = List.copyOf(heard);
    variables = Map.copyOf(variables);
  }

  /** The prompt ids heard, in order. */
  public List<String> prompts() {
    return heard.stream().filter(h -> h.kind() == Heard.Kind.PROMPT).map(Heard::what).toList();
  }
}
