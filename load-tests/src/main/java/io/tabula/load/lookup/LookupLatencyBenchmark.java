package io.tabula.load.lookup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.connectors.embedded.DemoLookups;
import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.connectors.lookup.DatabaseLimits;
import io.tabula.connectors.lookup.JdbcBalanceLookup;
import io.tabula.connectors.lookup.LookupParameters;
import io.tabula.connectors.lookup.LookupResult;
import io.tabula.connectors.lookup.VerifiedTlsSocketFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Lookup latency at 50 concurrent lookups against the embedded PostgreSQL, over verified TLS (plain
 * JDBC and through {@link JdbcBalanceLookup}) and over a plaintext loopback connection as the
 * floor, in one run. The plaintext path exists only here: a separate role allowed by a {@code
 * hostnossl} rule, never reachable through the connector, which refuses anything but verify-full
 * TLS.
 *
 * <p>Run: {@code java -cp load-tests/target/benchmarks.jar
 * io.tabula.load.lookup.LookupLatencyBenchmark [concurrency] [lookupsPerThread] [rounds]}
 *
 * <p>Goal: once the pools are warm, TLS adds under 10 % to p99.
 */
public final class LookupLatencyBenchmark {

  static final String PLAIN_ROLE = "tabula_bench_plain";
  private static final String TENANT = "bench";
  private static final String SQL =
      "select amount_due, currency, due_date, status from parking_tickets where ticket_number = ?";

  private LookupLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.println(
        "starting the embedded PostgreSQL (TLS on, plaintext role for the floor)...");
    try (EmbeddedPostgres postgres =
            EmbeddedPostgres.start(
                EmbeddedPostgresOptions.defaults().withPlaintextUser(PLAIN_ROLE));
        Paths paths = Paths.open(postgres, concurrency)) {
      System.out.printf(
          Locale.ROOT,
          "warming both pools (%d threads x %d lookups)...%n",
          concurrency,
          perThread / 2);
      ConcurrentLoad.measure(paths::plain, concurrency, perThread / 2);
      ConcurrentLoad.measure(paths::tlsJdbc, concurrency, perThread / 2);
      ConcurrentLoad.measure(paths::connector, concurrency, perThread / 2);
      Results results = new Results();
      for (int round = 1; round <= rounds; round++) {
        System.out.printf(Locale.ROOT, "round %d of %d...%n", round, rounds);
        results.plain.add(ConcurrentLoad.measure(paths::plain, concurrency, perThread));
        results.tlsJdbc.add(ConcurrentLoad.measure(paths::tlsJdbc, concurrency, perThread));
        results.connector.add(ConcurrentLoad.measure(paths::connector, concurrency, perThread));
      }
      results.print(concurrency);
      System.out.println(
          "\ninterleaved: each thread rotates through the three paths, 50 lookups in flight in"
              + " total...");
      List<LatencySummary> mixed =
          ConcurrentLoad.measureInterleaved(
              List.of(paths::plain, paths::tlsJdbc, paths::connector), concurrency, perThread);
      Results.printInterleaved(mixed);
    }
  }

  /**
   * Three ways to run the same lookup: plain JDBC over plaintext (the floor), plain JDBC over the
   * connector's verify-full TLS (what TLS costs), and the connector itself (TLS plus breaker,
   * mapping and metrics).
   */
  static final class Paths implements AutoCloseable {
    private final JdbcBalanceLookup lookups;
    private final HikariDataSource plainPool;
    private final HikariDataSource tlsPool;
    private final LookupParameters ticket =
        LookupParameters.builder().value("ticket", "PT100234").build();

    private Paths(JdbcBalanceLookup lookups, HikariDataSource plainPool, HikariDataSource tlsPool) {
      this.lookups = lookups;
      this.plainPool = plainPool;
      this.tlsPool = tlsPool;
    }

    static Paths open(EmbeddedPostgres postgres, int concurrency) throws Exception {
      DemoDatabase demo = DemoDatabase.install(postgres);
      String plainPassword = "bench-" + Long.toHexString(System.nanoTime());
      try (Connection admin = postgres.connectAsSuperuser(DemoDatabase.DATABASE);
          Statement statement = admin.createStatement()) {
        statement.execute("create role " + PLAIN_ROLE + " login password '" + plainPassword + "'");
        statement.execute("grant select on parking_tickets to " + PLAIN_ROLE);
      }
      DatabaseLimits limits = DatabaseLimits.defaults().withPoolSize(concurrency, concurrency);
      JdbcBalanceLookup lookups =
          JdbcBalanceLookup.open(
              List.of(demo.tenantConfig(TENANT).withLimits(limits)), new SimpleMeterRegistry());
      Properties plain = new Properties();
      plain.setProperty("sslmode", "disable");
      Properties tls = new Properties();
      tls.setProperty("sslmode", "verify-full");
      tls.setProperty("sslfactory", VerifiedTlsSocketFactory.class.getName());
      tls.setProperty("sslrootcert", postgres.caCertificate().toString());
      return new Paths(
          lookups,
          rawPool(postgres, "bench-plaintext-floor", PLAIN_ROLE, plainPassword, plain, concurrency),
          rawPool(
              postgres,
              "bench-tls-jdbc",
              DemoDatabase.READER,
              demo.readerPassword(),
              tls,
              concurrency));
    }

    private static HikariDataSource rawPool(
        EmbeddedPostgres postgres,
        String name,
        String user,
        String password,
        Properties properties,
        int concurrency) {
      HikariConfig config = new HikariConfig();
      config.setPoolName(name);
      config.setJdbcUrl(
          "jdbc:postgresql://"
              + postgres.host()
              + ":"
              + postgres.port()
              + "/"
              + DemoDatabase.DATABASE);
      config.setUsername(user);
      config.setPassword(password);
      config.setDataSourceProperties(properties);
      config.setMaximumPoolSize(concurrency);
      config.setMinimumIdle(concurrency);
      config.setReadOnly(true);
      return new HikariDataSource(config);
    }

    void connector() {
      if (!(lookups.lookup(TENANT, DemoLookups.PARKING_TICKET, ticket)
          instanceof LookupResult.Found)) {
        throw new IllegalStateException("the TLS lookup found nothing; the benchmark is broken");
      }
    }

    void plain() throws Exception {
      raw(plainPool);
    }

    void tlsJdbc() throws Exception {
      raw(tlsPool);
    }

    private static void raw(HikariDataSource pool) throws Exception {
      try (Connection connection = pool.getConnection();
          PreparedStatement statement = connection.prepareStatement(SQL)) {
        statement.setMaxRows(1);
        statement.setString(1, "PT100234");
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new IllegalStateException("the JDBC lookup found nothing");
          }
          rows.getBigDecimal(1);
          rows.getString(2);
          rows.getObject(3, java.time.LocalDate.class);
          rows.getString(4);
        }
      }
    }

    @Override
    public void close() {
      lookups.close();
      plainPool.close();
      tlsPool.close();
    }
  }

  /** Rounds of the three paths, printed side by side with the p50 and p99 overhead of TLS. */
  static final class Results {
    final List<LatencySummary> plain = new ArrayList<>();
    final List<LatencySummary> tlsJdbc = new ArrayList<>();
    final List<LatencySummary> connector = new ArrayList<>();

    void print(int concurrency) {
      System.out.printf(Locale.ROOT, "%nlookup latency at %d concurrent lookups%n", concurrency);
      System.out.println(LatencySummary.header());
      for (int i = 0; i < plain.size(); i++) {
        System.out.println(plain.get(i).row("round " + (i + 1) + " JDBC plaintext (floor)"));
        System.out.println(tlsJdbc.get(i).row("round " + (i + 1) + " JDBC TLS verify-full"));
        System.out.println(connector.get(i).row("round " + (i + 1) + " connector TLS"));
      }
      LatencySummary floor = best(plain);
      overhead("best rounds: JDBC over TLS", best(tlsJdbc), floor);
      overhead("best rounds: connector over TLS", best(connector), floor);
    }

    static void printInterleaved(List<LatencySummary> mixed) {
      System.out.println(LatencySummary.header());
      System.out.println(mixed.get(0).row("interleaved JDBC plaintext (floor)"));
      System.out.println(mixed.get(1).row("interleaved JDBC TLS verify-full"));
      System.out.println(mixed.get(2).row("interleaved connector TLS"));
      overhead("interleaved: JDBC over TLS", mixed.get(1), mixed.get(0));
      overhead("interleaved: connector over TLS", mixed.get(2), mixed.get(0));
    }

    /** The round with the lowest p99: the one least disturbed by other work on the machine. */
    private static LatencySummary best(List<LatencySummary> rounds) {
      return rounds.stream().min(Comparator.comparingLong(LatencySummary::p99)).orElseThrow();
    }

    private static void overhead(String label, LatencySummary measured, LatencySummary floor) {
      double p50 = 100.0 * (measured.p50() - floor.p50()) / floor.p50();
      double p99 = 100.0 * (measured.p99() - floor.p99()) / floor.p99();
      System.out.printf(
          Locale.ROOT,
          "%s adds %.1f %% to p50 and %.1f %% to p99 (goal: under 10 %% at p99) -> %s%n",
          label,
          p50,
          p99,
          p99 < 10.0 ? "MET" : "NOT MET");
    }
  }
}
