package io.tabula.flows.port;

import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The same live call as {@link CallPort}, without a thread waiting on it: each method sends its
 * commands and returns at once, and the answer arrives through {@link Then} when Asterisk replied.
 * A flow run this way costs no thread, no stack and no hand-off between threads per command; the
 * engine drives it from the call's event loop (docs/engine.md, "The event-loop interpreter").
 *
 * <p>One operation at a time: the next one starts only from the previous one's {@link Then}. The
 * semantics of each method, its commands, its checks, its errors and what it does with the
 * recording, are those of the {@link CallPort} method of the same name. What blocks (a lookup, a
 * payment) goes through {@link #blocking}, which runs it with the blocking port off the event loop
 * and comes back with its result.
 *
 * <pre>{@code
 * call.play(welcome, "", new Then<>() {
 *   public void done(KeyPress key) { call.collect(enterTicket, field, options, next); }
 *   public void failed(RuntimeException e) { end(e); }
 * });
 * }</pre>
 */
public interface CallSteps {

  /** Who and what this call is (never secret). */
  CallInfo info();

  /** The call's own secret memory; zeroed by the engine when the call ends or is transferred. */
  CallMemory memory();

  /** {@link CallPort#play}. */
  void play(Prompt prompt, String escapeKeys, Then<KeyPress> then);

  /** {@link CallPort#collect}, muting included when the options say secure. */
  void collect(Prompt prompt, SecretField field, CollectOptions options, Then<CollectResult> then);

  /** {@link CallPort#keepRecordingMuted}; takes effect at once. */
  void keepRecordingMuted();

  /** {@link CallPort#waitForKey}. */
  void waitForKey(Duration timeout, Then<KeyPress> then);

  /** {@link CallPort#sayNumber(long, NumberGender)}. */
  void sayNumber(long number, NumberGender gender, Then<Void> then);

  /** {@link CallPort#setLanguage}. */
  void setLanguage(String language, Then<Void> then);

  /** {@link CallPort#sayDigits}. */
  void sayDigits(String nonSecretDigits, Then<Void> then);

  /** {@link CallPort#sayDate}. */
  void sayDate(LocalDate date, Then<Void> then);

  /** {@link CallPort#transfer}: the memory is zeroed before the command goes. */
  void transfer(String queue, Then<Void> then);

  /** {@link CallPort#hangup}: the memory is zeroed before the command goes. */
  void hangup(Then<Void> then);

  /**
   * Runs {@code work}, which may block (JDBC, HTTPS, a payment), with the call's blocking port on a
   * thread of its own, and answers with what it returned or threw. The work may use the port; no
   * other operation of this call runs meanwhile.
   */
  <T> void blocking(Function<CallPort, T> work, Then<T> then);
}
