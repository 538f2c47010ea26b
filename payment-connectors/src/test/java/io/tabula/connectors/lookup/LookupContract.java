package io.tabula.connectors.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.connectors.embedded.DemoLookups;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lookup behaviour every PostgreSQL must show, over verified TLS: the embedded server here, a
 * Testcontainers server where Docker exists. Subclasses say where the database is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LookupContract {

  static final String TENANT = "springfield";
  static final String SLOW = "slow";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private JdbcBalanceLookup lookups;
  private CallMemoryPool memoryPool;

  /** The demo tenant's configuration (demo schema and seed loaded, TLS verified). */
  abstract TenantDatabaseConfig demoConfig(String tenant);

  /** The mutual-TLS configuration, or null where the server has no certificate login. */
  abstract TenantDatabaseConfig certificateConfig(String tenant);

  /** A superuser connection for looking at pg_stat_activity. */
  abstract Connection admin() throws SQLException;

  @BeforeAll
  void openLookups() {
    TenantDatabaseConfig demo = demoConfig(TENANT);
    List<LookupQuery> queries = new ArrayList<>(demo.lookups().values());
    queries.add(
        LookupQuery.of(
            SLOW, "select 'late' as word from pg_sleep(30)", ResultColumn.text("word", "word")));
    lookups =
        JdbcBalanceLookup.open(
            List.of(
                demo.withLookups(queries)
                    .withLimits(DatabaseLimits.defaults().withStatement(Duration.ofMillis(500)))),
            registry);
    memoryPool = CallMemoryPool.open(CallMemoryPoolConfig.defaults().withSlots(4));
  }

  @AfterAll
  void closeLookups() {
    lookups.close();
    memoryPool.close();
  }

  @Test
  void findsAParkingTicketWithMoneyDateAndText() {
    LookupResult result = lookups.lookup(TENANT, DemoLookups.PARKING_TICKET, ticket("PT100235"));

    assertThat(result).isInstanceOf(LookupResult.Found.class);
    LookupResult.Found found = (LookupResult.Found) result;
    assertThat(found.money("amount"))
        .isEqualTo(new LookupValue.Money(new BigDecimal("120.50"), Currency.getInstance("USD")));
    assertThat(found.date("due").date()).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(found.text("status").text()).isEqualTo("open");
  }

  @Test
  void anUnknownTicketIsNotFoundRatherThanAFailure() {
    assertThat(lookups.lookup(TENANT, DemoLookups.PARKING_TICKET, ticket("PT999999")))
        .isEqualTo(new LookupResult.NotFound());
  }

  @Test
  void sumsTheOpenTicketsOfAPlate() {
    LookupResult result =
        lookups.lookup(
            TENANT,
            DemoLookups.PARKING_BY_PLATE,
            LookupParameters.builder().value("plate", "7ABC123").build());

    LookupResult.Found found = (LookupResult.Found) result;
    assertThat(found.text("ticket").text()).isEqualTo("PT100234");
    assertThat(found.money("total").amount()).isEqualByComparingTo("165.50");
  }

  @Test
  void bindsASecretAccountNumberFromCallMemory() {
    try (CallMemory memory = callMemory()) {
      SecretField account = memory.field("account", 16);
      for (byte digit : "4001002003".getBytes(StandardCharsets.US_ASCII)) {
        account.append(digit);
      }

      LookupResult right =
          lookups.lookup(TENANT, DemoLookups.UTILITY_BALANCE, utility(account, "62704"));
      LookupResult wrongZip =
          lookups.lookup(TENANT, DemoLookups.UTILITY_BALANCE, utility(account, "62705"));

      LookupResult.Found found = (LookupResult.Found) right;
      assertThat(found.text("holder").text()).isEqualTo("Homer Simpson");
      assertThat(found.money("balance").amount()).isEqualByComparingTo("182.37");
      assertThat(wrongZip).isEqualTo(new LookupResult.NotFound());
    }
  }

  @Test
  void refusesAPlainValueWhereTheLookupDeclaresASecret() {
    LookupParameters plain =
        LookupParameters.builder().value("account", "4001002003").value("zip", "62704").build();

    assertThat(lookups.lookup(TENANT, DemoLookups.UTILITY_BALANCE, plain))
        .isEqualTo(new LookupResult.Failed(LookupFailure.BAD_PARAMETERS));
  }

  @Test
  void unknownTenantsAndLookupsAreTypedFailures() {
    assertThat(lookups.lookup("shelbyville", DemoLookups.PARKING_TICKET, ticket("PT100234")))
        .isEqualTo(new LookupResult.Failed(LookupFailure.UNKNOWN_TENANT));
    assertThat(lookups.lookup(TENANT, "no-such-lookup", ticket("PT100234")))
        .isEqualTo(new LookupResult.Failed(LookupFailure.UNKNOWN_LOOKUP));
    assertThat(lookups.lookup(TENANT, DemoLookups.PARKING_TICKET, LookupParameters.none()))
        .isEqualTo(new LookupResult.Failed(LookupFailure.BAD_PARAMETERS));
  }

  @Test
  void aSlowQueryIsCancelledOnTheServer() throws SQLException {
    assertThat(lookups.lookup(TENANT, SLOW, LookupParameters.none()))
        .isEqualTo(new LookupResult.Failed(LookupFailure.TIMEOUT));

    // The server ended the statement itself: no backend is still sleeping for us.
    try (Connection admin = admin();
        Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from pg_stat_activity where state = 'active'"
                    + " and query like '%pg_sleep(30)%' and pid <> pg_backend_pid()")) {
      rows.next();
      assertThat(rows.getInt(1)).isZero();
    }
  }

  @Test
  void recordsLatencyAndOutcomeByTenantAndLookupAndThePoolMetrics() {
    lookups.lookup(TENANT, DemoLookups.PARKING_TICKET, ticket("PT100234"));
    lookups.lookup(TENANT, DemoLookups.PARKING_TICKET, ticket("PT000000"));

    assertThat(
            registry
                .get(LookupMetrics.TIMER)
                .tags("tenant", TENANT, "lookup", DemoLookups.PARKING_TICKET, "outcome", "found")
                .timer()
                .count())
        .isPositive();
    assertThat(registry.get(LookupMetrics.TIMER).tags("outcome", "not_found").timer().count())
        .isPositive();
    assertThat(registry.find("hikaricp.connections").tag("pool", "tabula-lookup-" + TENANT).gauge())
        .isNotNull();
  }

  @Test
  void logsInWithAClientCertificate() {
    TenantDatabaseConfig certificate = certificateConfig("mtls");
    assumeTrue(certificate != null, "this server has no certificate login");
    try (JdbcBalanceLookup mtls =
        JdbcBalanceLookup.open(List.of(certificate), new SimpleMeterRegistry())) {
      assertThat(mtls.lookup("mtls", DemoLookups.PARKING_TICKET, ticket("PT100234")))
          .isInstanceOf(LookupResult.Found.class);
    }
  }

  @Test
  void withoutTheClientCertificateTheCertificateRoleCannotLogIn() {
    TenantDatabaseConfig certificate = certificateConfig("mtls");
    assumeTrue(certificate != null, "this server has no certificate login");
    TenantDatabaseConfig noClientCertificate =
        certificate.withTls(TlsSettings.verifyServer(certificate.tls().caCertificate()));
    try (JdbcBalanceLookup mtls =
        JdbcBalanceLookup.open(List.of(noClientCertificate), new SimpleMeterRegistry())) {
      assertThat(mtls.lookup("mtls", DemoLookups.PARKING_TICKET, ticket("PT100234")))
          .isEqualTo(new LookupResult.Failed(LookupFailure.UNAVAILABLE));
    }
  }

  private CallMemory callMemory() {
    return ((Acquisition.Acquired) memoryPool.acquire()).memory();
  }

  static LookupParameters ticket(String number) {
    return LookupParameters.builder().value("ticket", number).build();
  }

  private static LookupParameters utility(SecretField account, String zip) {
    return LookupParameters.builder().secret("account", account).value("zip", zip).build();
  }
}
