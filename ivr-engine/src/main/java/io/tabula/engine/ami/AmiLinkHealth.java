package io.tabula.engine.ami;

import java.time.Instant;

/**
 * A snapshot of one AMI link for health output.
 *
 * <p>Example: {@code link.health()} gives {@code AmiLinkHealth[asterisk=pbx1, state=CONNECTED,
 * since=2026-11-23T09:00:00Z, failedAttempts=0, lastFailure=none]}.
 *
 * @param asterisk the endpoint's name
 * @param state the current state
 * @param since when the link entered that state
 * @param failedAttempts connection attempts failed since the last successful login
 * @param lastFailure kind of the last failure (an exception type or a short reason), never payload
 */
public record AmiLinkHealth(
    String asterisk, AmiLinkState state, Instant since, int failedAttempts, String lastFailure) {

  /** Whether secure steps can run: only a connected link can confirm a mute. */
  public boolean healthy() {
    return state == AmiLinkState.CONNECTED;
  }
}
