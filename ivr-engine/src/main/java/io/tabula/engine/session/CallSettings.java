package io.tabula.engine.session;

import java.time.Duration;

/**
 * How a call session talks to Asterisk.
 *
 * <pre>{@code
 * CallSettings settings = CallSettings.defaults().withCommandTimeout(Duration.ofSeconds(3));
 * }</pre>
 *
 * @param commandTimeout longest wait for the reply to a command without media (GET VARIABLE, EXEC
 *     of a short application, ANSWER); default 10 s
 * @param mediaTimeout longest a prompt may play; added to a media command's own input time (GET
 *     DATA, STREAM FILE, SAY, WAIT FOR DIGIT); default 120 s
 * @param hangupGrace how long to wait for a {@code HANGUP} line after a {@code result=-1}, which
 *     alone does not prove a hangup (fixtures README, observation 4); default 500 ms
 * @param closeLinger after the engine half-closes, how long it waits for Asterisk's closing {@code
 *     HANGUP} and EOF before it closes the socket itself; default 2 s
 * @param transferVariable channel variable that names the agent queue on transfer; the dialplan
 *     after {@code AGI()} sends the call there; default {@code TABULA_TRANSFER}
 * @param notAvailablePrompt prompt for an unknown tenant or flow
 * @param pleaseCallBackPrompt prompt when every call slot is in use
 * @param unmuteGrace how long a recording muted for secure input stays muted after the last secure
 *     collect: the first other command that starts later unmutes it (see {@link MuteWindow});
 *     catches a late {@code #} or a key too many; default 3 s
 */
public record CallSettings(
    Duration commandTimeout,
    Duration mediaTimeout,
    Duration hangupGrace,
    Duration closeLinger,
    String transferVariable,
    String notAvailablePrompt,
    String pleaseCallBackPrompt,
    Duration unmuteGrace) {

  public CallSettings {
    for (Duration d : new Duration[] {commandTimeout, mediaTimeout, closeLinger}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("call timeouts must be positive");
      }
    }
    if (hangupGrace.isNegative() || unmuteGrace.isNegative()) {
      throw new IllegalArgumentException("hangupGrace and unmuteGrace must not be negative");
    }
    if (!transferVariable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("transferVariable must be a channel variable name");
    }
  }

  public static CallSettings defaults() {
    return new CallSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(120),
        Duration.ofMillis(500),
        Duration.ofSeconds(2),
        "TABULA_TRANSFER",
        "tabula/not-available",
        "tabula/please-call-back",
        Duration.ofSeconds(3));
  }

  public CallSettings withCommandTimeout(Duration timeout) {
    return new CallSettings(
        timeout,
        mediaTimeout,
        hangupGrace,
        closeLinger,
        transferVariable,
        notAvailablePrompt,
        pleaseCallBackPrompt,
        unmuteGrace);
  }

  public CallSettings withMediaTimeout(Duration timeout) {
    return new CallSettings(
        commandTimeout,
        timeout,
        hangupGrace,
        closeLinger,
        transferVariable,
        notAvailablePrompt,
        pleaseCallBackPrompt,
        unmuteGrace);
  }

  public CallSettings withUnmuteGrace(Duration grace) {
    return new CallSettings(
        commandTimeout,
        mediaTimeout,
        hangupGrace,
        closeLinger,
        transferVariable,
        notAvailablePrompt,
        pleaseCallBackPrompt,
        grace);
  }
}
