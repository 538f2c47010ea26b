package io.tabula.flows.run;

import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.ExecResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.Prompt;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A call port that passes everything to another one, failing the {@code failAt}-th operation with a
 * {@link CallPortException} (as the engine does on a reply timeout) and letting a test look at each
 * prompt as it is played.
 */
final class DelegatingCallPort implements CallPort {

  private final CallPort delegate;
  private final int failAt;
  private final CallPortException.Kind kind;
  private final Consumer<Prompt> onPlay;
  private int operations;

  /**
   * Plays and {@link #keepRecordingMuted} calls in order: {@code play <id>}, {@code keep-muted}.
   */
  final java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

  DelegatingCallPort(
      CallPort delegate, int failAt, CallPortException.Kind kind, Consumer<Prompt> onPlay) {
    this.delegate = delegate;
    this.failAt = failAt;
    this.kind = kind;
    this.onPlay = onPlay;
  }

  private void step() {
    if (++operations == failAt) {
      throw new CallPortException(kind, "simulated failure of operation " + operations);
    }
  }

  @Override
  public CallInfo info() {
    return delegate.info();
  }

  @Override
  public CallMemory memory() {
    return delegate.memory();
  }

  @Override
  public KeyPress play(Prompt prompt, String escapeKeys) {
    step();
    calls.add("play " + prompt.id());
    onPlay.accept(prompt);
    return delegate.play(prompt, escapeKeys);
  }

  @Override
  public CollectResult collect(Prompt prompt, SecretField field, CollectOptions options) {
    step();
    return delegate.collect(prompt, field, options);
  }

  @Override
  public KeyPress waitForKey(Duration timeout) {
    step();
    return delegate.waitForKey(timeout);
  }

  @Override
  public void sayNumber(long number, io.tabula.flows.port.NumberGender gender) {
    step();
    delegate.sayNumber(number, gender);
  }

  @Override
  public void setLanguage(String language) {
    delegate.setLanguage(language);
  }

  @Override
  public void sayDigits(String nonSecretDigits) {
    step();
    delegate.sayDigits(nonSecretDigits);
  }

  @Override
  public void sayDate(LocalDate date) {
    step();
    delegate.sayDate(date);
  }

  @Override
  public ExecResult exec(String application, String arguments) {
    step();
    return delegate.exec(application, arguments);
  }

  @Override
  public Optional<String> variable(String name) {
    return delegate.variable(name);
  }

  @Override
  public void transfer(String queue) {
    delegate.transfer(queue);
  }

  @Override
  public void hangup() {
    delegate.hangup();
  }

  @Override
  public void keepRecordingMuted() {
    calls.add("keep-muted");
    delegate.keepRecordingMuted();
  }
}
