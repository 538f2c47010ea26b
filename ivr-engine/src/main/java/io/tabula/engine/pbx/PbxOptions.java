package io.tabula.engine.pbx;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * How the virtual PBX behaves.
 *
 * <pre>{@code
 * PbxOptions options = PbxOptions.instant().withPromptDuration(Duration.ofSeconds(1));
 * }</pre>
 *
 * @param promptDuration how long a sound file plays unless {@code soundDurations} names it
 * @param soundDurations per-file lengths, e.g. {@code beep} = 500 ms as in the fixtures
 * @param missingSounds sound files that do not exist: SAY, STREAM FILE and GET DATA return {@code
 *     -1}
 * @param answerDelay how long {@code ANSWER} takes (about 500 ms on a Local channel)
 * @param turnaround told, for each command after the first, the nanoseconds from the PBX's previous
 *     reply to this command's arrival: the engine's turnaround
 * @param dnsServer where {@code hagi://} calls look up their SRV records and targets; empty for the
 *     system's resolver (/etc/resolv.conf), as Asterisk does
 */
public record PbxOptions(
    Duration promptDuration,
    Map<String, Duration> soundDurations,
    Set<String> missingSounds,
    Duration answerDelay,
    LongConsumer turnaround,
    Optional<InetSocketAddress> dnsServer) {

  public PbxOptions {
    soundDurations = Map.copyOf(soundDurations);
    missingSounds = Set.copyOf(missingSounds);
  }

  /** No media delay at all: prompts take no time, answer is immediate. */
  public static PbxOptions instant() {
    return new PbxOptions(
        Duration.ZERO, Map.of(), Set.of(), Duration.ZERO, nanos -> {}, Optional.empty());
  }

  public PbxOptions withPromptDuration(Duration duration) {
    return new PbxOptions(
        duration, soundDurations, missingSounds, answerDelay, turnaround, dnsServer);
  }

  public PbxOptions withSoundDurations(Map<String, Duration> durations) {
    return new PbxOptions(
        promptDuration, durations, missingSounds, answerDelay, turnaround, dnsServer);
  }

  public PbxOptions withMissingSounds(Set<String> missing) {
    return new PbxOptions(
        promptDuration, soundDurations, missing, answerDelay, turnaround, dnsServer);
  }

  public PbxOptions withAnswerDelay(Duration delay) {
    return new PbxOptions(
        promptDuration, soundDurations, missingSounds, delay, turnaround, dnsServer);
  }

  public PbxOptions withTurnaround(LongConsumer listener) {
    return new PbxOptions(
        promptDuration, soundDurations, missingSounds, answerDelay, listener, dnsServer);
  }

  /** Looks up {@code hagi://} SRV records and targets at {@code server} (UDP). */
  public PbxOptions withDnsServer(InetSocketAddress server) {
    return new PbxOptions(
        promptDuration,
        soundDurations,
        missingSounds,
        answerDelay,
        turnaround,
        Optional.of(server));
  }

  long millisOf(String sound) {
    return soundDurations.getOrDefault(sound, promptDuration).toMillis();
  }
}
