package io.tabula.flows;

import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.port.Then;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link CallSteps} whose answers come later, as the engine's do: each command runs on a worker
 * thread of its own against a blocking {@link CallPort}, and its answer is queued for the test's
 * thread, which runs the continuations with {@link #pumpUntil} (the call's "event loop"). So the
 * machine never hears an answer before the method that sent the command has returned.
 *
 * <p>It checks the {@link CallSteps} contract from the machine's side: one command at a time, and
 * none after the machine ended. {@link #failNth} answers one command with a failure instead of
 * running it, as the engine does when a reply times out or the call ends meanwhile.
 */
public final class LaterCallSteps implements CallSteps, AutoCloseable {

  private final CallPort port;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().daemon().name("call").unstarted(r));
  private final BlockingQueue<Runnable> answers = new LinkedBlockingQueue<>();
  private int commands;
  private int outstanding;
  private final java.util.Map<Integer, RuntimeException> failures = new java.util.HashMap<>();
  private String misuse;

  public LaterCallSteps(CallPort port) {
    this.port = port;
  }

  /** The {@code n}-th command (from 1, {@code blocking} included) answers {@code failure}. */
  public LaterCallSteps failNth(int n, RuntimeException failure) {
    failures.put(n, failure);
    return this;
  }

  /** How many commands were sent. */
  public int commands() {
    return commands;
  }

  /** What the machine did against the contract, or null. */
  public String misuse() {
    return misuse;
  }

  /**
   * Runs the queued continuations on this thread until {@code done} holds; fails when no answer
   * comes within the timeout (the machine stopped without ending).
   */
  public void pumpUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      Runnable answer = answers.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (answer == null) {
        throw new AssertionError("no answer within " + timeout + " and the flow has not ended");
      }
      answer.run();
    }
  }

  /** No answer is left over: none was sent after the end. */
  public boolean idle() {
    return answers.isEmpty() && outstanding == 0;
  }

  private <T> void send(Supplier<T> command, Then<T> then) {
    if (outstanding != 0 && misuse == null) {
      misuse = "command " + (commands + 1) + " sent while another was out";
    }
    outstanding++;
    RuntimeException planned = failures.get(++commands);
    worker.execute(
        () -> {
          T value;
          RuntimeException failed = null;
          try {
            if (planned != null) {
              throw planned;
            }
            value = command.get();
          } catch (RuntimeException e) {
            value = null;
            failed = e;
          }
          T answered = value;
          RuntimeException error = failed;
          answers.add(
              () -> {
                outstanding--;
                if (error != null) {
                  then.failed(error);
                } else {
                  then.done(answered);
                }
              });
        });
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
    send(() -> port.play(prompt, escapeKeys), then);
  }

  @Override
  public void collect(
      Prompt prompt, SecretField field, CollectOptions options, Then<CollectResult> then) {
    send(() -> port.collect(prompt, field, options), then);
  }

  @Override
  public void keepRecordingMuted() {
    port.keepRecordingMuted();
  }

  @Override
  public void waitForKey(Duration timeout, Then<KeyPress> then) {
    send(() -> port.waitForKey(timeout), then);
  }

  @Override
  public void sayNumber(long number, NumberGender gender, Then<Void> then) {
    send(() -> none(() -> port.sayNumber(number, gender)), then);
  }

  @Override
  public void setLanguage(String language, Then<Void> then) {
    send(() -> none(() -> port.setLanguage(language)), then);
  }

  @Override
  public void sayDigits(String nonSecretDigits, Then<Void> then) {
    send(() -> none(() -> port.sayDigits(nonSecretDigits)), then);
  }

  @Override
  public void sayDate(LocalDate date, Then<Void> then) {
    send(() -> none(() -> port.sayDate(date)), then);
  }

  @Override
  public void transfer(String queue, Then<Void> then) {
    send(() -> none(() -> port.transfer(queue)), then);
  }

  @Override
  public void hangup(Then<Void> then) {
    send(() -> none(port::hangup), then);
  }

  @Override
  public <T> void blocking(Function<CallPort, T> work, Then<T> then) {
    send(() -> work.apply(port), then);
  }

  private static Void none(Runnable command) {
    command.run();
    return null;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
