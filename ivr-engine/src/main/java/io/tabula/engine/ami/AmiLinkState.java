package io.tabula.engine.ami;

/** Where an AMI link stands; shown in health output and the {@code tabula.ami.link.state} gauge. */
public enum AmiLinkState {
  /** Logged in and answering pings: mutes and redirects can be sent. */
  CONNECTED,
  /** Not (yet) logged in; attempts continue with backoff. Secure steps are refused meanwhile. */
  RECONNECTING,
  /**
   * Asterisk rejected the login (user, secret or permit in manager.conf); retried at max backoff.
   */
  FAILED,
  /** Closed by the engine (shutdown); no further attempts. */
  CLOSED
}
