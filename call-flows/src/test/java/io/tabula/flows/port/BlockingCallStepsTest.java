package io.tabula.flows.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The synchronous adapter: each answer at once, exactly one side of the {@link Then}. */
class BlockingCallStepsTest {

  /** A port that answers key 5 to every prompt, or throws what it is told to. */
  private static final class Port implements CallPort {
    RuntimeException failure;
    final List<String> calls = new ArrayList<>();

    private void call(String what) {
      calls.add(what);
      if (failure != null) {
        throw failure;
      }
    }

    @Override
    public CallInfo info() {
      throw new UnsupportedOperationException();
    }

    @Override
    public CallMemory memory() {
      throw new UnsupportedOperationException();
    }

    @Override
    public KeyPress play(Prompt prompt, String escapeKeys) {
      call("play " + prompt.id() + " " + escapeKeys);
      return new KeyPress('5');
    }

    @Override
    public CollectResult collect(Prompt prompt, SecretField field, CollectOptions options) {
      call("collect");
      return new CollectResult(CollectResult.Status.TIMEOUT, 0);
    }

    @Override
    public KeyPress waitForKey(Duration timeout) {
      call("wait " + timeout.toSeconds());
      return KeyPress.NONE;
    }

    @Override
    public void sayNumber(long number, NumberGender gender) {
      call("number " + number + " " + gender);
    }

    @Override
    public void setLanguage(String language) {
      call("language " + language);
    }

    @Override
    public void sayDigits(String nonSecretDigits) {
      call("digits " + nonSecretDigits);
    }

    @Override
    public void sayDate(LocalDate date) {
      call("date " + date);
    }

    @Override
    public ExecResult exec(String application, String arguments) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> variable(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void transfer(String queue) {
      call("transfer " + queue);
    }

    @Override
    public void hangup() {
      call("hangup");
    }
  }

  /** Notes which side ran, and may throw from its success side. */
  private static final class Noted<T> implements Then<T> {
    final List<String> heard = new ArrayList<>();
    RuntimeException throwOnDone;

    @Override
    public void done(T value) {
      heard.add("done " + value);
      if (throwOnDone != null) {
        throw throwOnDone;
      }
    }

    @Override
    public void failed(RuntimeException failure) {
      heard.add("failed " + failure.getMessage());
    }
  }

  @Test
  void eachCommandRunsOnThePortAndAnswersBeforeItReturns() {
    Port port = new Port();
    BlockingCallSteps steps = new BlockingCallSteps(port);
    Noted<KeyPress> key = new Noted<>();
    Noted<Void> none = new Noted<>();
    Noted<Integer> work = new Noted<>();

    steps.play(new Prompt("hi", "Hi."), "0", key);
    steps.waitForKey(Duration.ofSeconds(5), key);
    steps.sayNumber(45, NumberGender.MASCULINE, none);
    steps.sayDigits("123", none);
    steps.sayDate(LocalDate.of(2026, 12, 15), none);
    steps.setLanguage("es", none);
    steps.transfer("agents", none);
    steps.hangup(none);
    steps.blocking(p -> p == port ? 42 : -1, work);

    assertThat(port.calls)
        .containsExactly(
            "play hi 0",
            "wait 5",
            "number 45 MASCULINE",
            "digits 123",
            "date 2026-12-15",
            "language es",
            "transfer agents",
            "hangup");
    assertThat(key.heard).containsExactly("done KeyPress[5]", "done KeyPress[none]");
    assertThat(none.heard).hasSize(6).allMatch("done null"::equals);
    assertThat(work.heard).containsExactly("done 42");
  }

  @Test
  void aFailingCommandAnswersFailedOnly() {
    Port port = new Port();
    port.failure = new CallEndedException(CallEndedException.Reason.CALLER_HUNG_UP);
    Noted<Void> none = new Noted<>();
    new BlockingCallSteps(port).hangup(none);
    assertThat(none.heard).containsExactly("failed call ended: CALLER_HUNG_UP");

    Noted<String> work = new Noted<>();
    new BlockingCallSteps(port)
        .blocking(
            p -> {
              throw new IllegalStateException("no connector");
            },
            work);
    assertThat(work.heard).containsExactly("failed no connector");
  }

  @Test
  void whatTheContinuationThrowsGoesToTheCallerNeverBackIntoFailed() {
    Noted<KeyPress> key = new Noted<>();
    key.throwOnDone = new IllegalStateException("the machine's own bug");
    assertThatThrownBy(
            () -> new BlockingCallSteps(new Port()).play(new Prompt("hi", "Hi."), "", key))
        .hasMessage("the machine's own bug");
    assertThat(key.heard).containsExactly("done KeyPress[5]");
  }
}
