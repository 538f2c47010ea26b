package io.tabula.engine.residue;

import static io.tabula.engine.residue.ResidueNeedles.CANARY_CARD;
import static io.tabula.engine.residue.ResidueNeedles.CANARY_CODE;
import static io.tabula.engine.residue.ResidueNeedles.CARDS;
import static io.tabula.engine.residue.ResidueNeedles.CODES_ANY;
import static io.tabula.engine.residue.ResidueNeedles.CODES_WHOLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabula.connectors.simulator.LedgerEntry;
import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.store.ShippedFlowFiles;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The residue test over the whole product: {@code tabula serve} in its own JVM, configured with
 * tenant files for the real connectors (PostgreSQL 17 over verified TLS, the Stripe-compatible
 * payment connector to the gateway simulator over verified TLS), takes 1,000 paid parking-ticket
 * calls, each with a different card number and with an expiry and CVC. Then every place the product
 * could have left card data is scanned for every keyed card number and every keyed expiry+CVC, as
 * ASCII, UTF-16LE and UTF-16BE: the engine's heap dump with unreachable objects, its JVM perf-data
 * file, its log files, its working and temporary folders (while it runs and after it stopped) and
 * the customer database's files (data, WAL, server log) after a checkpoint, and a core dump of the
 * whole engine process (native memory included) taken with gdb's gcore.
 *
 * <p>The test JVM knows every card, so it is never scanned; the simulator stands in for the card
 * processor, which legitimately sees cards, and is not scanned either. Canaries (a card number and
 * a code planted in the engine's system properties and in a database table) must be found, which
 * shows the scans read those places. Never-keyed control codes measure how often a 7-digit code
 * turns up by chance. docs/auditing.md explains the design.
 */
class ProductResidueTest {

  private static final int CALLS = 1_000;
  private static final int CONCURRENT = 50;
  private static final int KEYED_CODES = 25;
  private static final int CONTROL_CODES = 400_000;
  private static final long SEED = 20261123L;
  private static final String TICKET = "12345678";
  private static final long TICKET_AMOUNT_MINOR = 4500;

  private static ResidueNeedles needles;
  private static ResidueReport report;
  private static long journalRecords;
  private static PlaceScan engineCore;
  private static String coreSkipped;

  @BeforeAll
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  static void runThePaidCallsAndScan(@TempDir Path dir) throws Exception {
    needles = ResidueNeedles.draw(CALLS, KEYED_CODES, CONTROL_CODES, SEED);
    EngineHome home = EngineHome.create(dir.resolve("engine"));
    Path dumps = Files.createDirectories(dir.resolve("dump"));
    Path postgresLog = Files.createDirectories(dir.resolve("postgres")).resolve("server.log");
    List<PlaceScan> places = new ArrayList<>();
    ProductRun run;
    try (PostgresLog log = PostgresLog.capture(postgresLog);
        CustomerSide side = CustomerSide.start(home.config())) {
      side.logEveryStatement();
      side.plantCanary(needles.canary().number(), needles.canary().expiryThenCvc());
      // The call journal is on, in the customer's cluster: its tables are in the scanned data.
      ResidueJournal journal = ResidueJournal.create(side.postgres(), home.config());
      home.writeConfig(
          side.tenantsDir(),
          "recording: none\nprompts:\n  check: \"off\"\n" + journal.engineYaml());
      run = callAndScanEngine(home, side, needles, dumps, log.file(), places);
      journalRecords = journal.records();
      side.checkpoint();
      places.add(
          PlaceScan.tree(
              "customer database: data dir, WAL, server log",
              needles.scanner(),
              List.of(side.dataDirectory(), log.file()),
              path -> false));
    }
    report = new ResidueReport(run, places, needles);
    report.print(System.out);
    if (coreSkipped != null) {
      System.out.println("engine core dump (gcore): not scanned, " + coreSkipped);
    }
  }

  @Test
  void noCardDataRemainsAnywhereTheProductKeepsIt() {
    ProductRun run = report.run();
    assertThat(run.calls().approved()).as("calls that heard 'approved'").isEqualTo(CALLS);
    assertThat(run.charges()).as("approved charges in the simulator's ledger").isEqualTo(CALLS);
    assertThat(run.ownCards()).as("each charge on the card of one call, for the ticket").isTrue();
    assertThat(run.lookups())
        .as("ticket lookups the database logged")
        .isGreaterThanOrEqualTo(CALLS);
    assertThat(journalRecords).as("calls in the call journal").isEqualTo(CALLS);
    assertNoResidue(report);
    assertCanariesFound(report.places());
  }

  /**
   * The whole process, native memory included (Netty's direct buffers, the JDK's socket and TLS
   * buffers, malloc'd memory of the JVM): its core dump, taken after the paid calls while the
   * engine still runs, holds no keyed card number and no keyed expiry+CVC on its own. The call
   * memory pool is marked MADV_DONTDUMP, so it is not in the core at all, by design; the canary in
   * the engine's system properties shows that the scan did read the process's memory.
   */
  @Test
  void theEngineProcessCoreHoldsNoCardData() {
    Assumptions.assumeTrue(coreSkipped == null, () -> "core dump not scanned: " + coreSkipped);
    assertThat(engineCore.hits(CARDS)).as("keyed card numbers in the engine's core dump").isZero();
    assertThat(engineCore.hits(CODES_WHOLE))
        .as("keyed expiry+CVC standing alone in the engine's core dump")
        .isZero();
    assertThat(engineCore.hits(CANARY_CARD)).as("canary card in the core dump").isPositive();
    assertThat(engineCore.hits(CANARY_CODE)).as("canary code in the core dump").isPositive();
  }

  private static ProductRun callAndScanEngine(
      EngineHome home,
      CustomerSide side,
      ResidueNeedles needles,
      Path dumps,
      Path postgresLog,
      List<PlaceScan> places)
      throws Exception {
    DumpScanner scanner = needles.scanner();
    String canary = "-Dtabula.residue.canary=" + needles.canaryProperty();
    PaidCalls.Result calls;
    long zeroings;
    int exitCode;
    Duration dumpTook;
    try (EngineProcess engine = EngineProcess.start(home.processOptions(List.of(canary)))) {
      assertThat(engine.pid())
          .as("the engine's own JVM")
          .isNotEqualTo(ProcessHandle.current().pid());
      calls =
          PaidCalls.run(engine.agiAddress(), parkingFlow(), needles.keyed(), TICKET, CONCURRENT);
      zeroings = awaitAllSlotsZeroed(engine.adminAddress());
      long dumpStart = System.nanoTime();
      Path dump = dumps.resolve("engine.hprof");
      engine.heapDump(dump);
      dumpTook = Duration.ofNanos(System.nanoTime() - dumpStart);
      places.add(PlaceScan.files("engine heap dump (-all)", scanner, List.of(dump)));
      Files.delete(dump);
      scanCore(engine, dumps.resolve("engine.core"), scanner, places);
      places.add(PlaceScan.files("engine JVM perf data", scanner, List.of(perfData(engine.pid()))));
      places.add(
          PlaceScan.tree(
              "engine folders while running", scanner, List.of(home.root()), p -> false));
      exitCode = engine.stop();
    }
    places.add(PlaceScan.tree("engine log files", scanner, List.of(home.logs()), p -> false));
    places.add(
        PlaceScan.tree(
            "engine working folder after stop",
            scanner,
            List.of(home.root()),
            p -> p.startsWith(home.logs()) || p.startsWith(home.tmp())));
    places.add(
        PlaceScan.tree(
            "engine temporary folder after stop", scanner, List.of(home.tmp()), p -> false));
    List<LedgerEntry> charges = side.simulator().ledger().charges();
    return new ProductRun(
        calls,
        CONCURRENT,
        charges.size(),
        eachOnItsOwnCard(charges, needles.keyed()),
        lookups(postgresLog),
        zeroings,
        dumpTook,
        exitCode);
  }

  /**
   * Takes and scans the engine's core dump; the scan is a place of its own in the report. A machine
   * without gcore, or one where ptrace may not attach, records why instead.
   */
  private static void scanCore(
      EngineProcess engine, Path prefix, DumpScanner scanner, List<PlaceScan> places)
      throws Exception {
    Path core;
    try {
      core = engine.coreDump(prefix);
    } catch (EngineProcess.CoreDumpUnavailable e) {
      coreSkipped = e.getMessage();
      return;
    }
    try {
      engineCore = PlaceScan.files("engine core dump (gcore)", scanner, List.of(core));
      places.add(engineCore);
    } finally {
      Files.delete(core);
    }
  }

  private static boolean eachOnItsOwnCard(List<LedgerEntry> charges, List<KeyedCard> keyed) {
    List<String> charged = charges.stream().map(LedgerEntry::lastFour).sorted().toList();
    List<String> cards = keyed.stream().map(KeyedCard::lastFour).sorted().toList();
    return charged.equals(cards)
        && charges.stream().allMatch(c -> c.amountMinor() == TICKET_AMOUNT_MINOR);
  }

  /** Ticket lookups in the server's statement log: the calls really went to the database. */
  private static long lookups(Path postgresLog) throws java.io.IOException {
    try (var lines = Files.lines(postgresLog)) {
      return lines.filter(l -> l.contains("execute") && l.contains("from parking_tickets")).count();
    }
  }

  private static Flow parkingFlow() {
    String file = "city/parking-ticket.yaml";
    return FlowParser.parse(file, ShippedFlowFiles.read(file).orElseThrow()).flow().orElseThrow();
  }

  /**
   * HotSpot's perf-data file of a JVM: always under /tmp on Linux, whatever java.io.tmpdir says.
   */
  private static Path perfData(long pid) {
    return Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"), Long.toString(pid));
  }

  /**
   * A call's last act is zeroing its slot, a moment after the caller saw the hangup; the heap dump
   * is taken once every slot is back and zeroed, as the engine's own /metrics say.
   */
  private static long awaitAllSlotsZeroed(InetSocketAddress admin) {
    URI metrics =
        URI.create("http://" + admin.getHostString() + ":" + admin.getPort() + "/metrics");
    try (HttpClient http = HttpClient.newHttpClient()) {
      long[] zeroings = new long[1];
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                String body =
                    http.send(
                            HttpRequest.newBuilder(metrics).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body();
                zeroings[0] = (long) metric(body, "tabula_callmemory_zeroings_total");
                return metric(body, "tabula_callmemory_slots_in_use") == 0 && zeroings[0] >= CALLS;
              });
      return zeroings[0];
    }
  }

  private static double metric(String body, String name) {
    Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(body);
    return line.find() ? Double.parseDouble(line.group(1)) : -1;
  }

  private static void assertNoResidue(ResidueReport report) {
    for (PlaceScan place : report.places()) {
      if (place == engineCore) {
        continue; // asserted by its own test, which a machine without gcore skips
      }
      assertThat(place.hits(CARDS))
          .as("keyed card numbers in %s (files: %s)", place.place(), place.filesWithHits())
          .isZero();
      assertThat(place.hits(CODES_WHOLE))
          .as(
              "keyed expiry+CVC standing alone in %s (files: %s)",
              place.place(), place.filesWithHits())
          .isZero();
    }
    assertThat(report.all().distinct(CODES_ANY))
        .as("keyed expiry+CVC codes inside runs of digits, beyond what chance explains (control)")
        .isLessThanOrEqualTo(report.anywhereChance().allowed());
  }

  private static void assertCanariesFound(List<PlaceScan> places) {
    for (PlaceScan place : places) {
      boolean planted =
          place.place().startsWith("engine heap dump")
              || place.place().startsWith("engine JVM perf data")
              || place.place().startsWith("customer database");
      if (planted) {
        assertThat(place.hits(CANARY_CARD)).as("canary card in %s", place.place()).isPositive();
        assertThat(place.hits(CANARY_CODE)).as("canary code in %s", place.place()).isPositive();
      }
    }
  }
}
