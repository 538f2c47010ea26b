package io.tabula.ops.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.store.FlowKey;
import io.tabula.flows.store.VersionRecord;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.EmbeddedFlowStore;
import io.tabula.flowstore.FlowStoreDatabase;
import io.tabula.flowstore.PostgresFlowStore;
import io.tabula.ops.console.Account;
import io.tabula.ops.console.ConsoleSounds;
import io.tabula.ops.console.FlowLibrary;
import io.tabula.ops.console.FlowRef;
import io.tabula.ops.prompts.PlayedPrompt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tabula flows publish --engine-config tabula.yaml} writes to the store the engines'
 * settings name, here the shared PostgreSQL store: validated, numbered, recorded as published from
 * the command line.
 */
class PublishToPostgresTest {

  private static final Path REPO = Path.of(System.getProperty("tabula.repo.dir", ".."));
  private static final Path PARKING_TICKET = REPO.resolve("flows/city/parking-ticket.yaml");

  private static EmbeddedPostgres postgres;
  private static FlowStoreDatabase database;

  @TempDir Path temp;
  @TempDir Path sounds;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
    database = EmbeddedFlowStore.install(postgres, Files.createTempDirectory("tabula-flows-db-"));
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void publishWritesToThePostgresStoreTheEngineSettingsName() throws Exception {
    Path config =
        engineConfig(
            "flows:",
            "  store: postgres",
            "  postgres:",
            "    url: " + database.url(),
            "    user: " + database.user(),
            "    passwordFile: " + database.passwordFile(),
            "    caCertificate: " + database.caCertificate());

    assertThat(publishParkingTicket(config)).as(err.toString()).isZero();
    assertThat(publishParkingTicket(config)).isZero();

    assertThat(out.toString())
        .contains("as version 1 in " + database.url())
        .contains("as version 2 in " + database.url());
    try (PostgresFlowStore store = PostgresFlowStore.open(database, new FlowCompiler(catalog()))) {
      List<VersionRecord> history = store.history(new FlowKey("city", "parking-ticket"));
      assertThat(history).extracting(VersionRecord::number).containsExactly(2, 1);
      assertThat(history).allSatisfy(v -> assertThat(v.who()).isEqualTo("command line"));
      assertThat(store.read(new FlowKey("city", "parking-ticket"), 2).orElseThrow().text())
          .isEqualTo(Files.readString(PARKING_TICKET));
    }
  }

  @Test
  void aStoreThatCannotBeReachedIsReportedAndNothingIsPublished() throws Exception {
    Path config =
        engineConfig(
            "flows.store: postgres",
            "flows.postgres.url: postgresql://" + database.host() + ":1/tabula_flows",
            "flows.postgres.user: " + database.user(),
            "flows.postgres.passwordFile: " + database.passwordFile(),
            "flows.postgres.caCertificate: " + database.caCertificate());

    assertThat(publishParkingTicket(config)).isEqualTo(1);
    assertThat(err.toString())
        .contains("Not published: ")
        .contains(":1/tabula_flows")
        .contains("The version already live keeps serving");
  }

  @Test
  void anEngineConfigWithoutAStoreSaysWhatToSet() throws Exception {
    Path config = engineConfig("flows.store: postgres");

    assertThat(publishParkingTicket(config)).isEqualTo(2);
    assertThat(err.toString()).contains("not flows.postgres.url; set it");
  }

  @Test
  void theConsolePublishesAndRollsBackInThePostgresStoreWithWhoAndWhy() throws Exception {
    ConnectorCatalog catalog = catalog();
    String tenant = "console" + ProcessHandle.current().pid();
    String first =
        Files.readString(PARKING_TICKET).replace("tenant: city\n", "tenant: " + tenant + "\n");
    PostgresFlowStore shared = PostgresFlowStore.open(database, new FlowCompiler(catalog));
    FlowLibrary library =
        new FlowLibrary(
            temp.resolve("drafts"),
            shared,
            catalog,
            new ConsoleSounds(
                List.of(Path.of(soundsFor(Files.writeString(temp.resolve("first.yaml"), first))))));
    FlowRef ref = new FlowRef(tenant, "parking-ticket");
    Account ana = Account.system("ana");

    library.saveDraft(ref, first);
    assertThat(library.publish(ref, ana, "first fee")).isEqualTo(1);
    library.saveDraft(ref, first + "\n# second\n");
    assertThat(library.publish(ref, ana, "second")).isEqualTo(2);
    assertThat(library.rollback(ref, 1, ana)).isEqualTo(3);

    assertThat(library.flows()).contains(ref);
    assertThat(library.versions(ref))
        .extracting(v -> v.number() + " " + v.who() + " " + v.note())
        .containsExactly("3 ana rolled back to version 1", "2 ana second", "1 ana first fee");
    assertThat(library.versionText(ref, 3)).contains(first);
    shared.close();
  }

  private static ConnectorCatalog catalog() {
    return ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC()));
  }

  /** The engine settings file ({@code tabula.yaml}) of these lines. */
  private Path engineConfig(String... lines) throws Exception {
    return Files.write(temp.resolve("tabula.yaml"), List.of(lines));
  }

  /** {@code tabula flows publish} of the shipped parking-ticket flow to the config's store. */
  private int publishParkingTicket(Path engineConfig) throws Exception {
    CommandLine command = new CommandLine(new FlowsCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(
        "publish",
        PARKING_TICKET.toString(),
        "--engine-config",
        engineConfig.toString(),
        "--sounds",
        soundsFor(PARKING_TICKET));
  }

  private String soundsFor(Path file) throws Exception {
    var flow = FlowParser.parse(file.toString(), Files.readString(file)).flow().orElseThrow();
    for (var prompt : PlayedPrompt.of(flow)) {
      Path wav = sounds.resolve(prompt.language()).resolve(prompt.sound() + ".wav");
      Files.createDirectories(wav.getParent());
      Files.write(wav, new byte[] {1});
    }
    return sounds.toString();
  }
}
