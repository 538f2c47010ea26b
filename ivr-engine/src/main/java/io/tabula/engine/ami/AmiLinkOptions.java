package io.tabula.engine.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and bounds of an AMI link. Defaults: {@link #defaults()}.
 *
 * <p>Example: {@code AmiLinkOptions.defaults().withMuteTimeout(Duration.ofMillis(500))}.
 *
 * @param connectTimeout TCP connect timeout (default 2 s)
 * @param actionTimeout how long login, ping and redirect wait for Asterisk's response (default 2 s)
 * @param muteTimeout how long a MixMonitorMute waits for {@code Response: Success} before the
 *     secure step is refused (default 1 s)
 * @param pingInterval keep-alive period; a missing Pong reconnects (default 10 s)
 * @param backoffMin first reconnect delay (default 100 ms)
 * @param backoffMax largest reconnect delay (default 30 s)
 * @param maxMessageBytes largest AMI message accepted before the link reconnects (default 64 KiB)
 */
public record AmiLinkOptions(
    Duration connectTimeout,
    Duration actionTimeout,
    Duration muteTimeout,
    Duration pingInterval,
    Duration backoffMin,
    Duration backoffMax,
    int maxMessageBytes) {

  public AmiLinkOptions {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(actionTimeout, "actionTimeout");
    requirePositive(muteTimeout, "muteTimeout");
    requirePositive(pingInterval, "pingInterval");
    requirePositive(backoffMin, "backoffMin");
    requirePositive(backoffMax, "backoffMax");
    if (backoffMax.compareTo(backoffMin) < 0) {
      throw new IllegalArgumentException("AMI backoffMax must be at least backoffMin.");
    }
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException("AMI maxMessageBytes must be at least 1024.");
    }
  }

  /** The documented defaults. */
  public static AmiLinkOptions defaults() {
    return new AmiLinkOptions(
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        Duration.ofMillis(100),
        Duration.ofSeconds(30),
        64 * 1024);
  }

  public AmiLinkOptions withMuteTimeout(Duration value) {
    return new AmiLinkOptions(
        connectTimeout,
        actionTimeout,
        value,
        pingInterval,
        backoffMin,
        backoffMax,
        maxMessageBytes);
  }

  public AmiLinkOptions withPingInterval(Duration value) {
    return new AmiLinkOptions(
        connectTimeout, actionTimeout, muteTimeout, value, backoffMin, backoffMax, maxMessageBytes);
  }

  public AmiLinkOptions withBackoff(Duration min, Duration max) {
    return new AmiLinkOptions(
        connectTimeout, actionTimeout, muteTimeout, pingInterval, min, max, maxMessageBytes);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("AMI " + name + " must be positive.");
    }
  }
}
