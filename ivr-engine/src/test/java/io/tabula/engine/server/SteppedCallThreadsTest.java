package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.Prompt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which threads a call starts, counted by the JVM itself (the JFR event of every virtual thread's
 * start): none for a stepped call that hands nothing over, one for a call run as a blocking handler
 * (which shows the count sees call threads at all).
 */
class SteppedCallThreadsTest {

  private final List<String> started = new CopyOnWriteArrayList<>();
  private final RecordingStream stream = new RecordingStream();

  @BeforeEach
  void countVirtualThreadStarts() {
    stream.enable("jdk.VirtualThreadStart");
    stream.onEvent(
        "jdk.VirtualThreadStart",
        event -> {
          var thread = event.getThread("eventThread");
          started.add(thread == null ? "" : String.valueOf(thread.getJavaName()));
        });
    stream.startAsync();
  }

  @AfterEach
  void stop() {
    stream.close();
  }

  @Test
  void aSteppedCallThatHandsNothingOverStartsNoThread() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    var stepped =
        h.script(
            (call, next, failed) ->
                call.play(new Prompt("welcome", ""), "", h.then(key -> next.run(), failed)),
            (call, next, failed) ->
                call.waitForKey(Duration.ofMillis(100), h.then(key -> next.run(), failed)),
            (call, next, failed) -> call.hangup(h.then(v -> next.run(), failed)));

    assertThat(callThreadsStartedBy(stepped)).isEmpty();
    assertThat(h.failures).isEmpty();
  }

  @Test
  void aBlockingHandlerStartsItsCallThread() throws Exception {
    CallHandler blocking =
        call -> {
          call.play(new Prompt("welcome", ""), "");
          call.waitForKey(Duration.ofMillis(100));
          call.hangup();
        };

    assertThat(callThreadsStartedBy(blocking)).hasSize(1);
  }

  /** The names of the call threads ("call-...") started while one call ran {@code handler}. */
  private List<String> callThreadsStartedBy(CallHandler handler) throws Exception {
    try (Engine engine = TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler));
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(""))
              .get(10, TimeUnit.SECONDS);
      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
    }
    awaitStreamPast(Thread.ofVirtual().name("marker").start(() -> {}));
    return started.stream().filter(name -> name.startsWith("call-")).toList();
  }

  /** Returns once the stream delivered the start of {@code marker}, so every earlier one too. */
  private void awaitStreamPast(Thread marker) throws InterruptedException {
    CountDownLatch seen = new CountDownLatch(1);
    stream.onEvent(
        "jdk.VirtualThreadStart",
        event -> {
          var thread = event.getThread("eventThread");
          if (thread != null && "marker".equals(thread.getJavaName())) {
            seen.countDown();
          }
        });
    marker.join(Duration.ofSeconds(5));
    assertThat(seen.await(1, TimeUnit.MINUTES)).as("JFR delivered the marker's start").isTrue();
  }
}
