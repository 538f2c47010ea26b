package io.tabula.load.agi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One load scenario: how many calls at once, for how long, and how long each prompt "plays".
 *
 * <p>Example: {@code new LoadOptions(4573, 200, Duration.ofSeconds(20), Duration.ZERO,
 * Duration.ZERO, Duration.ofSeconds(2), 0, 1)}.
 *
 * @param port the target's FastAGI port on 127.0.0.1
 * @param concurrency calls kept in progress at once (closed loop: a finished call is replaced)
 * @param duration how long new calls are started
 * @param promptDelay how long STREAM FILE, GET DATA and SAY* take before the virtual PBX replies
 * @param promptJitter each prompt lasts {@code promptDelay} plus or minus up to this much, drawn
 *     uniformly: with exactly equal prompts every stall makes the calls it delayed reply in step
 *     one prompt later, again and again; recorded prompts differ in length
 * @param rampUp time over which the first {@code concurrency} calls are opened
 * @param maxCalls stop starting calls after this many (0: no limit, only {@code duration})
 * @param rounds how often one call repeats its prompt, collect and read-back before it hangs up (1:
 *     the 4-command call; a real self-service call runs dozens of commands on one connection)
 */
public record LoadOptions(
    int port,
    int concurrency,
    Duration duration,
    Duration promptDelay,
    Duration promptJitter,
    Duration rampUp,
    long maxCalls,
    int rounds) {

  public LoadOptions {
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1");
    }
    if (promptJitter.isNegative() || promptJitter.compareTo(promptDelay) > 0) {
      throw new IllegalArgumentException(
          "--prompt-jitter-ms must be between 0 and --prompt-ms; a prompt cannot last less than"
              + " nothing");
    }
  }

  /** Longest a single call may take before the generator gives up on it. */
  Duration callTimeout() {
    return promptDelay
        .plus(promptJitter)
        .multipliedBy((long) LoadCall.MEDIA_COMMANDS * rounds)
        .plusSeconds(30);
  }

  /** How long one prompt plays: the delay, moved by a uniform draw within the jitter. */
  long promptNanos() {
    long jitter = promptJitter.toNanos();
    long delay = promptDelay.toNanos();
    return jitter == 0 ? delay : delay + ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
  }
}
