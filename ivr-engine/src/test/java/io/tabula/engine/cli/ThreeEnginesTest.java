package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.engine.demo.FlowAwareCaller;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Caller;
import io.tabula.engine.residue.CardNumbers;
import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.run.PromptSound;
import io.tabula.flows.simulate.KeyScript;
import io.tabula.flows.store.ShippedFlowFiles;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #22, "tested on this machine": three engines on loopback, each in its own JVM, sharing one
 * flow store (the directory store; {@link SharedFlowStore} is the seam for others), behind the
 * virtual PBX with {@code hagi://} as Asterisk does it. Every call pays a parking ticket with a
 * card of its own.
 */
class ThreeEnginesTest {

  private static final String ROUTE = "city/parking-ticket";
  private static final String FILE = ROUTE + ".yaml";

  /** The caller's inputs: ticket, pay menu, card number, expiry, CVC. 3 = the card is keyed. */
  private static final int AT_EXPIRY = 3;

  @TempDir Path dir;

  private Flow flow;
  private String approved;
  private SharedFlowStore store;

  @BeforeEach
  void publishTheShippedFlow() throws Exception {
    String yaml = ShippedFlowFiles.read(FILE).orElseThrow();
    flow = FlowParser.parse(FILE, yaml).flow().orElseThrow();
    approved = PromptSound.of(flow, "approved", flow.promptText("approved")).sound();
    store = SharedFlowStore.directory(dir.resolve("store"));
    store.publish(FILE, yaml);
  }

  @Test
  void onThePostgresStoreAPublishReachesAllThreeBeforeTheirNextCallAndAnOutageChangesNothing()
      throws Exception {
    List<String> cards = CardNumbers.generate(60, 20261208L);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults())) {
      SharedFlowStore database =
          SharedFlowStore.postgres(PostgresStoreConfig.install(postgres, dir));
      database.publish(FILE, ShippedFlowFiles.read(FILE).orElseThrow());
      try (EngineTrio trio = EngineTrio.start(dir, database)) {
        for (int i = 0; i < 3; i++) {
          trio.engine(i).awaitLine(Pattern.compile("Listening for flow publishes"));
        }
        String hello = publishGreeting(database, "Hello from the City");
        for (int i = 0; i < 3; i++) {
          trio.engine(i).awaitLine(Pattern.compile("Flow city/parking-ticket version 2 is live"));
        }
        // Three calls, three SRV answers each starting one record further on: one per engine.
        assertThat(payAll(trio, cards.subList(0, 3)))
            .as("each engine's next call plays version 2")
            .allSatisfy(report -> assertThat(report.prompts()).contains(hello))
            .extracting(CallReport::engine)
            .containsExactlyInAnyOrder(trio.address(0), trio.address(1), trio.address(2));

        postgres.stop();
        for (int i = 0; i < 3; i++) {
          trio.engine(i).awaitLine(Pattern.compile("is not reachable for LISTEN"));
          // The check that follows reads through the pool, which waits a little for a connection
          // (flow-store StorePool): each engine says the store is unreachable before it is back.
          trio.engine(i)
              .awaitLine(Pattern.compile("Reading the flow store .* failed .* keep serving"));
        }
        assertThat(payAll(trio, cards.subList(6, 36)))
            .as("calls during the outage, on the last good version")
            .allSatisfy(report -> assertThat(report.prompts()).contains(hello));

        postgres.restart();
        for (int i = 0; i < 3; i++) {
          trio.engine(i).awaitLine(Pattern.compile("flow store .* is reachable again"));
        }
        String welcome = publishGreeting(database, "Welcome back to the City");
        for (int i = 0; i < 3; i++) {
          trio.engine(i).awaitLine(Pattern.compile("Flow city/parking-ticket version 3 is live"));
        }
        assertThat(payAll(trio, cards.subList(36, 60)))
            .allSatisfy(report -> assertThat(report.prompts()).contains(welcome));
      }
    }
  }

  /** Publishes the shipped flow with its welcome changed; returns the new welcome's sound. */
  private String publishGreeting(SharedFlowStore database, String greeting) throws Exception {
    String text =
        ShippedFlowFiles.read(FILE).orElseThrow().replace("Welcome to the City", greeting);
    Flow changed = FlowParser.parse(FILE, text).flow().orElseThrow();
    database.publish(FILE, text);
    return PromptSound.of(changed, "welcome", changed.promptText("welcome")).sound();
  }

  /** One paying call per card through hagi://, all at once; every one must be paid. */
  private List<CallReport> payAll(EngineTrio trio, List<String> cards) throws Exception {
    List<CompletableFuture<CallReport>> calls = new ArrayList<>();
    for (String card : cards) {
      calls.add(trio.pbx().call(trio.url(ROUTE), paying(card)));
    }
    List<CallReport> reports = new ArrayList<>();
    for (CompletableFuture<CallReport> call : calls) {
      CallReport report = call.get(60, TimeUnit.SECONDS);
      assertThat(paid(report)).as("%s on %s", report.outcome(), report.engine()).isTrue();
      reports.add(report);
    }
    return reports;
  }

  private Caller paying(String card) {
    return FlowAwareCaller.of(flow, KeyScript.parse("12345678 1 " + card + "# 1230 123#"));
  }

  private boolean paid(CallReport report) {
    return report.outcome() == CallReport.Outcome.ENGINE_HUNG_UP
        && report.prompts().contains(approved);
  }

  @Test
  void sigtermOnOneDuringAHundredCallsEndsNoneEarlyLosesNoneAndNewCallsGoToTheOthers()
      throws Exception {
    List<String> cards = CardNumbers.generate(120, 20261206L);
    CompletableFuture<Void> release = new CompletableFuture<>();
    CountDownLatch paused = new CountDownLatch(100);
    try (EngineTrio trio = EngineTrio.start(dir, store)) {
      List<CompletableFuture<CallReport>> running = new ArrayList<>();
      for (String card : cards.subList(0, 100)) {
        running.add(
            trio.pbx()
                .call(
                    trio.url(ROUTE), new PausingCaller(paying(card), AT_EXPIRY, release, paused)));
      }
      awaitPaused(running, paused);

      ServeProcess draining = trio.engine(0);
      draining.terminate();
      draining.awaitLine(Pattern.compile("Draining: FastAGI listener closed"));
      Awaitility.await("engine 0 refuses new FastAGI connections")
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> refused(trio, 0));

      // The DNS still names engine 0 first for every third call: hagi:// moves on to the next.
      List<CompletableFuture<CallReport>> newCalls = new ArrayList<>();
      for (String card : cards.subList(100, 120)) {
        newCalls.add(trio.pbx().call(trio.url(ROUTE), paying(card)));
      }
      for (CompletableFuture<CallReport> call : newCalls) {
        CallReport report = call.get(60, TimeUnit.SECONDS);
        assertThat(paid(report)).as("a new call during the drain: %s", report.outcome()).isTrue();
        assertThat(report.engine()).isNotEqualTo(trio.address(0));
      }
      assertThat(running)
          .as("no call in progress ended early")
          .noneMatch(CompletableFuture::isDone);

      release.complete(null);
      int onDraining = 0;
      for (CompletableFuture<CallReport> call : running) {
        CallReport report = call.get(60, TimeUnit.SECONDS);
        assertThat(paid(report)).as("%s on %s", report.outcome(), report.engine()).isTrue();
        onDraining += report.engine().equals(trio.address(0)) ? 1 : 0;
      }
      assertThat(onDraining).as("calls engine 0 had when it was told to stop").isBetween(20, 50);
      assertThat(draining.exitStatus()).as(draining.output()).isZero();
      assertThat(draining.output()).doesNotContain("error path").contains("Engine stopped");
    }
  }

  /**
   * Waits until every call paused after keying its card; fails at once, with how it ended, when a
   * call ends before (a lost call would otherwise only show as a timeout).
   */
  private static void awaitPaused(List<CompletableFuture<CallReport>> calls, CountDownLatch paused)
      throws Exception {
    CompletableFuture<Void> allPaused =
        CompletableFuture.runAsync(
            () -> {
              try {
                paused.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Object first;
    try {
      first =
          CompletableFuture.anyOf(
                  allPaused, CompletableFuture.anyOf(calls.toArray(CompletableFuture[]::new)))
              .get(240, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          paused.getCount() + " of " + calls.size() + " calls did not key their card in 240 s", e);
    }
    if (first instanceof CallReport ended) {
      throw new AssertionError(
          "a call ended before all had keyed their card: "
              + ended.outcome()
              + " on "
              + ended.engine()
              + " after "
              + ended.prompts().size()
              + " prompts; "
              + paused.getCount()
              + " calls had not paused yet");
    }
  }

  private static boolean refused(EngineTrio trio, int engine) throws java.io.IOException {
    String[] hostPort = trio.address(engine).split(":");
    try {
      new Socket(hostPort[0], Integer.parseInt(hostPort[1])).close();
      return false;
    } catch (ConnectException e) {
      return true;
    }
  }

  @Test
  void sigkillOnOneLosesOnlyItsOwnCallsAndLeavesNoCardDigitsOnDisk() throws Exception {
    int calls = 30;
    List<String> cards = CardNumbers.generate(calls, 20261207L);
    CompletableFuture<Void> release = new CompletableFuture<>();
    CountDownLatch paused = new CountDownLatch(calls);
    try (EngineTrio trio = EngineTrio.start(dir, store)) {
      List<CompletableFuture<CallReport>> running = new ArrayList<>();
      for (String card : cards) {
        running.add(
            trio.pbx()
                .call(
                    trio.url(ROUTE), new PausingCaller(paying(card), AT_EXPIRY, release, paused)));
      }
      awaitPaused(running, paused);

      ServeProcess killed = trio.engine(1);
      long pid = killed.pid();
      assertThat(callMemoryLeftOutOfCoreDumps(pid))
          .as("the call memory is locked and marked MADV_DONTDUMP (VmFlags lo, dd)")
          .isTrue();
      killed.kill();
      assertThat(killed.exitStatus()).as("SIGKILL").isEqualTo(128 + 9);

      release.complete(null);
      List<CallReport> lost = new ArrayList<>();
      for (CompletableFuture<CallReport> call : running) {
        CallReport report = call.get(60, TimeUnit.SECONDS);
        if (report.engine().equals(trio.address(1))) {
          lost.add(report);
        } else {
          assertThat(paid(report)).as("%s on %s", report.outcome(), report.engine()).isTrue();
        }
      }
      assertThat(lost).as("the killed engine's calls").hasSizeBetween(5, 15).noneMatch(this::paid);

      List<Path> places =
          new ArrayList<>(
              List.of(
                  trio.folder(0),
                  trio.folder(1),
                  trio.folder(2),
                  dir.resolve("store"),
                  Path.of("/tmp/hsperfdata_" + System.getProperty("user.name"), "" + pid)));
      List<Path> crashFiles =
          List.of(
              Path.of("/tmp/hs_err_pid" + pid + ".log"),
              trio.folder(1).resolve("hs_err_pid" + pid + ".log"),
              trio.folder(1).resolve("core"),
              trio.folder(1).resolve("core." + pid));
      places.addAll(crashFiles);
      assertThat(crashFiles)
          .as("no crash report or core of the killed engine")
          .noneMatch(Files::exists);
      List<Path> files = DiskResidue.files(places);
      assertThat(files).as("the scan reads the engines' folders").isNotEmpty();
      assertThat(DiskResidue.hits(files, cards)).as("card digits on disk").isEmpty();

      // The scan finds what is there: one card planted as UTF-16 is one hit.
      Path planted =
          Files.write(dir.resolve("planted"), cards.get(7).getBytes(StandardCharsets.UTF_16LE));
      assertThat(DiskResidue.hits(List.of(planted), cards)).hasSize(1);
    }
  }

  /**
   * Whether the engine has a mapping both locked (mlock) and left out of core dumps
   * (MADV_DONTDUMP): the call memory pool, so a core would not carry a call's digits.
   */
  private static boolean callMemoryLeftOutOfCoreDumps(long pid) throws java.io.IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps")).stream()
        .filter(line -> line.startsWith("VmFlags:"))
        .map(line -> List.of(line.substring(8).trim().split(" ")))
        .anyMatch(flags -> flags.contains("lo") && flags.contains("dd"));
  }
}
