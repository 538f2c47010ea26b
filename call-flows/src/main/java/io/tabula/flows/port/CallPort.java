package io.tabula.flows.port;

import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Everything a call's logic can do to a live call, as small blocking operations.
 *
 * <p>The engine runs each call's {@link CallHandler} on its own virtual thread and implements this
 * port over FastAGI; tests and the flow simulator implement it in memory. Every method may throw
 * {@link CallEndedException} once the caller hung up or the connection is gone, and {@link
 * CallPortException} when a command failed; neither carries call data.
 *
 * <p>Digits of a {@link #collect} go straight into a {@link SecretField} of the call's {@link
 * CallMemory}; nothing here ever returns them as text.
 */
public interface CallPort {

  /** Who and what this call is (never secret). */
  CallInfo info();

  /** The call's own secret memory; zeroed by the engine when the call ends or is transferred. */
  CallMemory memory();

  /**
   * Plays a prompt ({@code STREAM FILE}).
   *
   * @param escapeKeys keys that stop the prompt, e.g. {@code "0123456789*#"}; empty for none
   * @return the key that stopped the prompt, or {@link KeyPress#NONE}
   */
  KeyPress play(Prompt prompt, String escapeKeys);

  /**
   * Plays a prompt and collects digits into {@code field} ({@code GET DATA} or equivalent). When
   * {@link CollectOptions#secure()} is set, the call's recording is muted before the prompt starts
   * and stays muted after the collect for a grace time that catches a late {@code #} or a key too
   * many (the engine unmutes before the first other command that starts after it); if muting is
   * impossible the collect does not start and a {@link CallPortException} of kind {@link
   * CallPortException.Kind#RECORDING_NOT_MUTED} is thrown. A collect that fails, a transfer and a
   * hangup leave the recording muted.
   */
  CollectResult collect(Prompt prompt, SecretField field, CollectOptions options);

  /**
   * The flow is taking its error path: a recording muted for secure input stays muted until the
   * call leaves the engine, because a caller who was keying a card number may go on keying it while
   * the apology plays and after the transfer. Does nothing when the recording is not muted.
   */
  default void keepRecordingMuted() {}

  /** Waits for one key ({@code WAIT FOR DIGIT}); {@link KeyPress#NONE} on timeout. */
  KeyPress waitForKey(Duration timeout);

  /** Speaks a number ({@code SAY NUMBER}). */
  default void sayNumber(long number) {
    sayNumber(number, NumberGender.NEUTRAL);
  }

  /** Speaks a number in a grammatical gender ({@code SAY NUMBER <n> "" m}): "un dólar". */
  void sayNumber(long number, NumberGender gender);

  /**
   * Sets the channel's language ({@code SET VARIABLE CHANNEL(language) es}): Asterisk then looks
   * for sound files under {@code sounds/es/} and says numbers, digits and dates in Spanish.
   *
   * @param language a language as Asterisk names it: {@code en}, {@code es}, {@code fr_CA}
   */
  void setLanguage(String language);

  /** Speaks non-secret digits one by one ({@code SAY DIGITS}), e.g. a ticket number. */
  void sayDigits(String nonSecretDigits);

  /** Speaks a date ({@code SAY DATE}). */
  void sayDate(LocalDate date);

  /** Runs a dialplan application ({@code EXEC}); arguments must not carry caller digits. */
  ExecResult exec(String application, String arguments);

  /** A channel variable, if set ({@code GET FULL VARIABLE}). */
  Optional<String> variable(String name);

  /**
   * Hands the call to an agent queue. The call's memory is zeroed before the transfer command is
   * sent; afterwards the call is no longer this engine's and every method throws {@link
   * CallEndedException}.
   */
  void transfer(String queue);

  /** Hangs up. The call's memory is zeroed. */
  void hangup();
}
