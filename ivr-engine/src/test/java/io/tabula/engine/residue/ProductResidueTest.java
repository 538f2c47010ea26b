package io.tabula.engine.residue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The residue test over the whole product: {@code tabula serve} in its own JVM, configured with
 * tenant files for the real connectors (PostgreSQL 17 over verified TLS, the Stripe-compatible
 * payment connector to the gateway simulator over verified TLS), takes 1,000 paid parking-ticket
 * calls, each with a different card number, expiry and CVC. Then every place the product could have
 * left card data is scanned for every keyed card number and every keyed expiry+CVC, as ASCII,
 * UTF-16LE and UTF-16BE: the engine's heap dump with unreachable objects, its JVM perf-data file,
 * its log files, its working and temporary folders (while running and after it stopped) and the
 * customer database's files (data, WAL, server log) after a checkpoint. Goal and assertion: 0 hits.
 *
 * <p>The test JVM knows every card, so it is never scanned; the simulator stands in for the card
 * processor, which legitimately sees cards, and is not scanned either. Canaries (a card number and
 * a code planted in the engine's system properties and in a database table) must be found, which
 * shows the scans read those places. Never-keyed control codes measure how often a 7-digit code
 * turns up by chance (docs/auditing.md explains the design).
 */
class ProductResidueTest {

  private static final int CALLS = 1_000;
  private static final int CONCURRENT = 50;
  private static final long SEED = 20261123L;
  private static final String TICKET = "12345678";
  private static final long TICKET_AMOUNT_MINOR = 4500;

  static final String CARDS = "keyed card numbers";
  static final String CODES = "keyed expiry+CVC";
  static final String CONTROL = "control expiry+CVC";
  static final String CANARY_CARD = "canary card number";
  static final String CANARY_CODE = "canary expiry+CVC";

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void noCardDataRemainsAnywhereTheProductKeepsIt(@TempDir Path dir) throws Exception {
    List<KeyedCard> cards = PaymentCards.keyed(CALLS + 1, SEED);
    KeyedCard canary = cards.getLast();
    List<KeyedCard> keyed = cards.subList(0, CALLS);
    List<String> control = PaymentCards.controlCodes(CALLS, SEED + 1, cards);
    DumpScanner scanner = scanner(keyed, control, canary);
    EngineHome home = EngineHome.create(dir.resolve("engine"));
    Path dump = Files.createDirectories(dir.resolve("dump")).resolve("engine.hprof");
    Path postgresLog = Files.createDirectories(dir.resolve("postgres-log")).resolve("server.log");
    List<PlaceScan> places = new ArrayList<>();
    Run run;
    try (PostgresLog log = PostgresLog.capture(postgresLog);
        CustomerSide side = CustomerSide.start(home.config())) {
      side.logEveryStatement();
      side.plantCanary(canary.number(), canary.expiryThenCvc());
      home.writeConfig(side.tenantsDir());
      run = callAndScanEngine(home, side, keyed, canary, scanner, dump, places);
      side.checkpoint();
      places.add(
          PlaceScan.tree(
              "customer database: data dir, WAL, server log",
              scanner,
              List.of(side.dataDirectory(), log.file()),
              path -> false));
    }
    long lookups = Files.readAllLines(postgresLog).stream().filter(this::isTicketLookup).count();
    print(run, lookups, places);
    assertThat(run.calls().approved()).as("calls that heard 'approved'").isEqualTo(CALLS);
    assertThat(run.charges()).as("charges in the simulator's ledger").isEqualTo(CALLS);
    assertThat(lookups).as("ticket lookups the database logged").isGreaterThanOrEqualTo(CALLS);
    assertNoResidue(places);
    assertCanariesFound(places);
  }

  /** What happened on the engine's side. */
  private record Run(PaidCalls.Result calls, int charges, long zeroings, int exitCode) {}

  private Run callAndScanEngine(
      EngineHome home,
      CustomerSide side,
      List<KeyedCard> keyed,
      KeyedCard canary,
      DumpScanner scanner,
      Path dump,
      List<PlaceScan> places)
      throws Exception {
    String canaryProperty =
        "-Dtabula.residue.canary=" + canary.number() + "/" + canary.expiryThenCvc();
    PaidCalls.Result calls;
    long zeroings;
    int exitCode;
    long pid;
    try (EngineProcess engine = EngineProcess.start(home.processOptions(List.of(canaryProperty)))) {
      pid = engine.pid();
      assertThat(pid)
          .as("the engine runs in its own JVM")
          .isNotEqualTo(ProcessHandle.current().pid());
      calls = PaidCalls.run(engine.agiAddress(), parkingFlow(), keyed, TICKET, CONCURRENT);
      zeroings = awaitAllSlotsZeroed(engine.adminAddress());
      engine.heapDump(dump);
      places.add(PlaceScan.files("engine heap dump (-all)", scanner, List.of(dump)));
      Files.delete(dump);
      places.add(
          PlaceScan.tree("engine JVM perf data", scanner, List.of(perfData(pid)), p -> false));
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
    assertThat(charges).allMatch(c -> c.amountMinor() == TICKET_AMOUNT_MINOR);
    assertThat(charges.stream().map(LedgerEntry::lastFour).sorted().toList())
        .as("each call paid with its own card (last four in the ledger)")
        .isEqualTo(keyed.stream().map(KeyedCard::lastFour).sorted().toList());
    return new Run(calls, charges.size(), zeroings, exitCode);
  }

  private static DumpScanner scanner(
      List<KeyedCard> keyed, List<String> control, KeyedCard canary) {
    return DumpScanner.of(
        List.of(
            Needles.of(CARDS, keyed.stream().map(KeyedCard::number).toList()),
            Needles.of(CODES, keyed.stream().map(KeyedCard::expiryThenCvc).toList()),
            Needles.of(CONTROL, control),
            Needles.of(CANARY_CARD, List.of(canary.number())),
            Needles.of(CANARY_CODE, List.of(canary.expiryThenCvc()))));
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
   * is taken once every slot is back and zeroed, read from the engine's own /metrics.
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

  private boolean isTicketLookup(String line) {
    return line.contains("execute") && line.contains("from parking_tickets");
  }

  private static void print(Run run, long lookups, List<PlaceScan> places) {
    System.out.printf(
        "Whole-product residue test: %d calls, %d heard 'approved', %d ended by the engine;"
            + " %d approved charges in the simulator's ledger; %d ticket lookups in the database"
            + " log; %d call slots zeroed; engine exit code %d%n",
        run.calls().calls(),
        run.calls().approved(),
        run.calls().engineHungUp(),
        run.charges(),
        lookups,
        run.zeroings(),
        run.exitCode());
    System.out.printf(
        "%-46s %6s %13s  %-14s %-14s %-14s %s%n",
        "place", "files", "bytes", "cards a/le/be", "codes a/le/be", "control codes", "canaries");
    for (PlaceScan place : places) {
      System.out.printf(
          "%-46s %6d %,13d  %-14s %-14s %-14s %d%n",
          place.place(),
          place.files(),
          place.bytes(),
          encodings(place.findings().get(CARDS)),
          encodings(place.findings().get(CODES)),
          encodings(place.findings().get(CONTROL)),
          place.hits(CANARY_CARD) + place.hits(CANARY_CODE));
    }
  }

  private static String encodings(DumpScanner.Hits hits) {
    return hits.ascii() + "/" + hits.utf16le() + "/" + hits.utf16be();
  }

  private static void assertNoResidue(List<PlaceScan> places) {
    for (PlaceScan place : places) {
      assertThat(place.hits(CARDS))
          .as("keyed card numbers in %s (files: %s)", place.place(), place.filesWithHits())
          .isZero();
      assertThat(place.hits(CODES))
          .as("keyed expiry+CVC codes in %s (files: %s)", place.place(), place.filesWithHits())
          .isZero();
    }
  }

  private static void assertCanariesFound(List<PlaceScan> places) {
    for (PlaceScan place : places) {
      if (place.place().startsWith("engine heap dump") || place.place().startsWith("customer")) {
        assertThat(place.hits(CANARY_CARD)).as("canary card in %s", place.place()).isPositive();
        assertThat(place.hits(CANARY_CODE)).as("canary code in %s", place.place()).isPositive();
      }
    }
  }
}
