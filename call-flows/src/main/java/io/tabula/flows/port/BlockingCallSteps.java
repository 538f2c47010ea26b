package io.tabula.flows.port;

import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * {@link CallSteps} over a blocking {@link CallPort}, on the caller's thread: each method runs the
 * port's method of the same name and answers its {@link Then} at once, before returning; {@link
 * #blocking} runs the work inline with the port. What the flow simulator, the tests and any
 * thread-per-call caller use to run a stepped handler.
 *
 * <p>The continuation runs after the port's call has returned or thrown, never inside its {@code
 * try}: what the continuation throws goes to the caller, never back into {@link Then#failed}.
 *
 * <pre>{@code
 * handler.start(new BlockingCallSteps(port), failure -> ...);
 * }</pre>
 */
public final class BlockingCallSteps implements CallSteps {

  private final CallPort port;

  public BlockingCallSteps(CallPort port) {
    this.port = port;
  }

  @Override
  public CallInfo info() {
    return port.info();
  }

  @Override
  public CallMemory memory() {
    return port.memory();
  }

  @Override
  public void play(Prompt prompt, String escapeKeys, Then<KeyPress> then) {
    KeyPress key;
    try {
      key = port.play(prompt, escapeKeys);
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(key);
  }

  @Override
  public void collect(
      Prompt prompt, SecretField field, CollectOptions options, Then<CollectResult> then) {
    CollectResult result;
    try {
      result = port.collect(prompt, field, options);
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(result);
  }

  @Override
  public void keepRecordingMuted() {
    port.keepRecordingMuted();
  }

  @Override
  public void waitForKey(Duration timeout, Then<KeyPress> then) {
    KeyPress key;
    try {
      key = port.waitForKey(timeout);
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(key);
  }

  @Override
  public void sayNumber(long number, NumberGender gender, Then<Void> then) {
    try {
      port.sayNumber(number, gender);
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(null);
  }

  @Override
  public void setLanguage(String language, Then<Void> then) {
    try {
      port.setLanguage(language);
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(null);
  }

  @Override
  public void sayDigits(String nonSecretDigits, Then<Void> then) {
    try {
      port.sayDigits(nonSecretDigits);
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(null);
  }

  @Override
  public void sayDate(LocalDate date, Then<Void> then) {
    try {
      port.sayDate(date);
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(null);
  }

  @Override
  public void transfer(String queue, Then<Void> then) {
    try {
      port.transfer(queue);
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(null);
  }

  @Override
  public void hangup(Then<Void> then) {
    try {
      port.hangup();
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(null);
  }

  @Override
  public <T> void blocking(Function<CallPort, T> work, Then<T> then) {
    T result;
    try {
      result = work.apply(port);
    } catch (RuntimeException e) {
      then.failed(e);
      return;
    }
    then.done(result);
  }
}
