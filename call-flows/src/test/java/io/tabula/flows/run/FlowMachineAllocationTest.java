package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.port.Then;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.SecretField;
import io.tabula.testing.ThreadAllocations;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The machine runs on the event loop for thousands of calls: once warm, a command costs it no
 * object (the port's own answer aside; 0 bytes measured after a few million commands). The bound
 * leaves room for a JIT that has not removed every short-lived object yet (16 bytes per command
 * after a million); a string built per command, as the menu's escape keys once were, goes over it.
 */
class FlowMachineAllocationTest {

  private static final String FLOW =
      """
      flow: steady
      tenant: city
      start: ask
      time_limit: 100000m
      agent: {queue: q, key: "0"}
      prompts:
        hi:
          en: "Hi there."
        enter:
          en: "Enter your code."
      steps:
        ask:
          collect: {field: code, kind: digits, prompt: enter, min_digits: 4, max_digits: 4}
          next: choose
          on_failure: choose
        choose:
          menu: {prompt: hi, options: {"1": ask}, attempts: 1}
          on_failure: ask
      """;

  /** Answers every command at once: a collect with four digits, no key to a prompt. */
  private static final class Instant implements CallSteps {
    private static final CollectResult FOUR = new CollectResult(CollectResult.Status.COMPLETE, 4);
    private final CallInfo info;
    private final CallMemory memory;
    private final long limit;
    private long commands;

    Instant(CallInfo info, CallMemory memory, long limit) {
      this.info = info;
      this.memory = memory;
      this.limit = limit;
    }

    private boolean over(Then<?> then) {
      if (++commands > limit) {
        then.failed(new CallEndedException(CallEndedException.Reason.CALLER_HUNG_UP));
        return true;
      }
      return false;
    }

    @Override
    public CallInfo info() {
      return info;
    }

    @Override
    public CallMemory memory() {
      return memory;
    }

    @Override
    public void play(Prompt prompt, String escapeKeys, Then<KeyPress> then) {
      if (!over(then)) {
        then.done(KeyPress.NONE);
      }
    }

    @Override
    public void collect(
        Prompt prompt, SecretField field, CollectOptions options, Then<CollectResult> then) {
      if (!over(then)) {
        for (int i = 0; i < 4; i++) {
          field.append((byte) '7');
        }
        then.done(FOUR);
      }
    }

    @Override
    public void keepRecordingMuted() {}

    @Override
    public void waitForKey(Duration timeout, Then<KeyPress> then) {
      play(null, "", then);
    }

    @Override
    public void sayNumber(long number, NumberGender gender, Then<Void> then) {
      throw new UnsupportedOperationException("not in this flow");
    }

    @Override
    public void setLanguage(String language, Then<Void> then) {
      throw new UnsupportedOperationException("not in this flow");
    }

    @Override
    public void sayDigits(String nonSecretDigits, Then<Void> then) {
      throw new UnsupportedOperationException("not in this flow");
    }

    @Override
    public void sayDate(LocalDate date, Then<Void> then) {
      throw new UnsupportedOperationException("not in this flow");
    }

    @Override
    public void transfer(String queue, Then<Void> then) {
      then.done(null);
    }

    @Override
    public void hangup(Then<Void> then) {
      then.done(null);
    }

    @Override
    public <T> void blocking(Function<CallPort, T> work, Then<T> then) {
      throw new UnsupportedOperationException("not in this flow");
    }
  }

  @Test
  void aWarmMachineAllocatesNothingMuchPerCommand() {
    com.sun.management.ThreadMXBean mx = ThreadAllocations.counter();
    Flow flow =
        new FlowCompiler(ShippedFlows.catalog()).compile("steady.yaml", FLOW).flow().orElseThrow();
    FlowRunner runner =
        new FlowRunner(flow, DemoConnectors.create(ShippedFlows.CLOCK), RunnerConfig.defaults());
    double perCommand = Double.MAX_VALUE;
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      for (int round = 0; round < 6; round++) {
        CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
        CallInfo info =
            new CallInfo(
                new CallId("5f0c3a9e1b7d42c8a6e0f9d1c2b3a4e5"),
                "1.1",
                "city",
                "steady",
                "SIP/t-1",
                "555",
                "en",
                List.of());
        Instant steps = new Instant(info, memory, 200_000);
        boolean[] ended = {false};
        long before = mx.getCurrentThreadAllocatedBytes();
        runner.start(steps, e -> ended[0] = true);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(ended[0]).isTrue();
        perCommand = Math.min(perCommand, allocated / (double) steps.commands);
        memory.release();
      }
    }
    assertThat(perCommand).as("bytes allocated per command, best of six calls").isLessThan(40.0);
  }
}
