package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.InputRequest;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.VirtualPbx;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on {@code tabula serve} in its own JVM, with calls in progress over the virtual PBX: the
 * listener closes at once, /ready turns 503, calls in progress finish as they would have, and the
 * process exits 0; a call that outlasts {@code drain.timeout} ends through its flow's error path.
 */
class ServeDrainTest {

  private static final Pattern ADMIN = Pattern.compile("http://[0-9.]+:(\\d+)/health");

  @TempDir Path dir;

  private Path config(String... extra) throws Exception {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "agi.port: 0",
                "admin.port: 0",
                "prompts.check: \"off\"",
                "memory.slots: 16",
                "recording: none"));
    lines.addAll(List.of(extra));
    return Files.write(dir.resolve("tabula.yaml"), lines);
  }

  @Test
  void sigtermEndsNoCallEarlyRefusesNewOnesAndExitsZero() throws Exception {
    int calls = 3;
    CompletableFuture<Void> release = new CompletableFuture<>();
    CountDownLatch waiting = new CountDownLatch(calls);
    try (ServeProcess serve = ServeProcess.start(List.of(), config(), "--demo");
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant());
        HttpClient http = HttpClient.newHttpClient()) {
      InetSocketAddress agi = serve.agiAddress();
      int adminPort = Integer.parseInt(serve.awaitLine(ADMIN).group(1));
      assertThat(status(http, adminPort, "/ready")).isEqualTo(200);
      List<CompletableFuture<CallReport>> running = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        running.add(
            pbx.call(
                agi,
                "city/parking-ticket",
                new GatedCaller(ServeJournalTest.ticketThenHangUp(), release, waiting)));
      }
      assertThat(waiting.await(60, TimeUnit.SECONDS)).as("every call reached its input").isTrue();

      serve.terminate();
      serve.awaitLine(Pattern.compile("Draining: FastAGI listener closed"));

      // The kernel drops the listening socket when the event loop deregisters it, a moment after.
      org.awaitility.Awaitility.await("new FastAGI connections refused while draining")
          .atMost(java.time.Duration.ofSeconds(5))
          .pollInterval(java.time.Duration.ofMillis(50))
          .until(() -> refused(agi));
      assertThat(status(http, adminPort, "/ready")).as("not ready while draining").isEqualTo(503);
      assertThat(status(http, adminPort, "/live")).isEqualTo(200);
      assertThat(running).allSatisfy(call -> assertThat(call).isNotDone());

      release.complete(null);
      for (CompletableFuture<CallReport> call : running) {
        CallReport report = call.get(60, TimeUnit.SECONDS);
        assertThat(report.outcome())
            .as(serve.output())
            .isEqualTo(CallReport.Outcome.CALLER_HUNG_UP);
        assertThat(report.prompts()).as("the flow went on after the ticket").hasSizeGreaterThan(2);
      }
      assertThat(serve.exitStatus()).as(serve.output()).isZero();
      assertThat(serve.output()).doesNotContain("error path").contains("Engine stopped");
    }
  }

  @Test
  void aCallOutlastingTheDrainTimeoutEndsThroughItsErrorPathToAnAgent() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    CountDownLatch waiting = new CountDownLatch(1);
    try (ServeProcess serve =
            ServeProcess.start(
                List.of(), config("drain.timeout: 1s", "shutdown.deadline: 60s"), "--demo");
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CompletableFuture<CallReport> call =
          pbx.call(
              serve.agiAddress(),
              "city/parking-ticket",
              new GatedCaller(ServeJournalTest.ticketThenHangUp(), release, waiting));
      assertThat(waiting.await(60, TimeUnit.SECONDS)).isTrue();

      serve.terminate();
      serve.awaitLine(Pattern.compile("drain.timeout reached: 1 call"));
      release.complete(null);

      CallReport report = call.get(60, TimeUnit.SECONDS);
      assertThat(report.outcome()).as(serve.output()).isEqualTo(CallReport.Outcome.AGI_ENDED);
      assertThat(report.variables()).containsEntry("TABULA_TRANSFER", "city-parking-agents");
      assertThat(report.prompts()).anyMatch(prompt -> prompt.contains("city/"));
      assertThat(serve.exitStatus()).as(serve.output()).isZero();
      assertThat(serve.output())
          .contains("ENGINE_DRAINED")
          .contains(
              "1 call(s) outlasted drain.timeout and took their flow's error path, 0 of them");
    }
  }

  /** Whether a new TCP connection to the FastAGI port is refused. */
  private static boolean refused(InetSocketAddress agi) throws java.io.IOException {
    try {
      new Socket(agi.getAddress(), agi.getPort()).close();
      return false;
    } catch (ConnectException e) {
      return true;
    }
  }

  private static int status(HttpClient http, int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** A caller whose first answer waits for {@code release}; counts down when it is asked. */
  private static final class GatedCaller implements Caller {
    private final Caller caller;
    private final CompletableFuture<Void> release;
    private final CountDownLatch waiting;
    private boolean first = true;

    GatedCaller(Caller caller, CompletableFuture<Void> release, CountDownLatch waiting) {
      this.caller = caller;
      this.release = release;
      this.waiting = waiting;
    }

    @Override
    public synchronized CompletionStage<CallerAction> input(InputRequest request) {
      if (!first) {
        return caller.input(request);
      }
      first = false;
      waiting.countDown();
      return release.thenCompose(ignored -> caller.input(request));
    }

    @Override
    public boolean hangsUpBefore(String command) {
      return caller.hangsUpBefore(command);
    }

    @Override
    public void heard(Heard heard) {
      caller.heard(heard);
    }
  }
}
