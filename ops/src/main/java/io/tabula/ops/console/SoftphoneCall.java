package io.tabula.ops.console;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.run.FlowEvents;
import io.tabula.flows.run.FlowRunner;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.masking.memory.CallMemory;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One call of the in-page softphone: the draft's flow runs on its own virtual thread against the
 * demo connectors, exactly as the flow simulator runs it, with {@link WebCallPort} as the caller.
 * The call's memory is released (zeroed) when the flow ends, whichever way.
 */
final class SoftphoneCall {

  private final FlowRef ref;
  private final SoftphoneTranscript transcript;
  private final WebCallPort port;
  private final Thread thread;

  SoftphoneCall(
      FlowRef ref,
      Flow flow,
      CallMemory memory,
      Connectors connectors,
      Clock clock,
      SoftphoneAudio audio,
      String flowFile) {
    this.ref = ref;
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    String callId = HexFormat.of().formatHex(id);
    this.transcript = new SoftphoneTranscript(callId);
    CallInfo info =
        new CallInfo(
            new CallId(callId),
            "console-softphone",
            flow.tenant(),
            flow.name(),
            "Console/softphone",
            "",
            "en",
            List.of());
    this.port = new WebCallPort(info, memory, transcript, audio, flowFile);
    FlowRunner runner = new FlowRunner(flow, connectors, new RunnerConfig(clock, events()));
    this.thread =
        Thread.ofVirtual()
            .name("softphone-" + ref)
            .unstarted(
                () -> {
                  try {
                    runner.handle(port);
                  } catch (CallEndedException e) {
                    // The caller hung up; the port already released the memory.
                  } finally {
                    memory.release();
                    transcript.ended(port.ending().isEmpty() ? "the flow ended" : port.ending());
                  }
                });
  }

  void start() {
    thread.start();
  }

  FlowRef ref() {
    return ref;
  }

  void press(PhoneKey key) {
    port.press(key);
  }

  boolean ended() {
    return transcript.view().ended();
  }

  /** The transcript once the flow has answered the keys sent so far (or after a second). */
  SoftphoneTranscript.View settle() throws InterruptedException {
    transcript.awaitQuiet(2_000);
    return transcript.view();
  }

  /** The audio of the transcript's line {@code index} of this call ({@code id}), if any. */
  java.util.Optional<SoftphoneAudio.Clip> audio(String id, int index) {
    return transcript.view().id().equals(id) ? transcript.audio(index) : java.util.Optional.empty();
  }

  SoftphoneTranscript.View view() {
    return transcript.view();
  }

  void hangUp() {
    port.press(PhoneKey.HANGUP);
  }

  private FlowEvents events() {
    return new FlowEvents() {
      @Override
      public void outcome(String stepId, String outcome) {
        transcript.event(stepId + ": " + outcome);
      }

      @Override
      public void error(String stepId, String why) {
        transcript.event(stepId + ": error (" + why + "), running on_error");
      }
    };
  }
}
