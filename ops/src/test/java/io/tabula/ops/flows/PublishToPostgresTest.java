package io.tabula.ops.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.store.FlowKey;
import io.tabula.flows.store.FlowVersions;
import io.tabula.flows.store.VersionRecord;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.EmbeddedFlowStore;
import io.tabula.flowstore.FlowStoreDatabase;
import io.tabula.flowstore.PostgresFlowStore;
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
    Path file = REPO.resolve("flows/city/parking-ticket.yaml");
    Path config =
        Files.write(
            temp.resolve("tabula.yaml"),
            List.of(
                "flows:",
                "  store: postgres",
                "  postgres:",
                "    url: " + database.url(),
                "    user: " + database.user(),
                "    passwordFile: " + database.passwordFile(),
                "    caCertificate: " + database.caCertificate()));
    String audio = soundsFor(file);

    assertThat(
            run(
                "publish",
                file.toString(),
                "--engine-config",
                config.toString(),
                "--sounds",
                audio))
        .as(err.toString())
        .isZero();
    assertThat(
            run(
                "publish",
                file.toString(),
                "--engine-config",
                config.toString(),
                "--sounds",
                audio))
        .isZero();

    assertThat(out.toString())
        .contains("as version 1 in " + database.url())
        .contains("as version 2 in " + database.url());
    FlowVersions store =
        PostgresFlowStore.open(
            database,
            new FlowCompiler(ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC()))));
    List<VersionRecord> history = store.history(new FlowKey("city", "parking-ticket"));
    assertThat(history).extracting(VersionRecord::number).containsExactly(2, 1);
    assertThat(history).allSatisfy(v -> assertThat(v.who()).isEqualTo("command line"));
    assertThat(store.read(new FlowKey("city", "parking-ticket"), 2).orElseThrow().text())
        .isEqualTo(Files.readString(file));
  }

  @Test
  void aStoreThatCannotBeReachedIsReportedAndNothingIsPublished() throws Exception {
    Path file = REPO.resolve("flows/city/parking-ticket.yaml");
    Path config =
        Files.write(
            temp.resolve("tabula.yaml"),
            List.of(
                "flows.store: postgres",
                "flows.postgres.url: postgresql://" + database.host() + ":1/tabula_flows",
                "flows.postgres.user: " + database.user(),
                "flows.postgres.passwordFile: " + database.passwordFile(),
                "flows.postgres.caCertificate: " + database.caCertificate()));

    assertThat(
            run(
                "publish",
                file.toString(),
                "--engine-config",
                config.toString(),
                "--sounds",
                soundsFor(file)))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("Not published: ")
        .contains(":1/tabula_flows")
        .contains("The version already live keeps serving");
  }

  @Test
  void anEngineConfigWithoutAStoreSaysWhatToSet() throws Exception {
    Path file = REPO.resolve("flows/city/parking-ticket.yaml");
    Path config = Files.write(temp.resolve("tabula.yaml"), List.of("flows.store: postgres"));

    assertThat(
            run(
                "publish",
                file.toString(),
                "--engine-config",
                config.toString(),
                "--sounds",
                soundsFor(file)))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not flows.postgres.url; set it");
  }

  @Test
  void theConsolePublishesAndRollsBackInThePostgresStoreWithWhoAndWhy() throws Exception {
    Path file = REPO.resolve("flows/city/parking-ticket.yaml");
    ConnectorCatalog catalog = ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC()));
    String tenant = "console" + ProcessHandle.current().pid();
    String first = Files.readString(file).replace("tenant: city\n", "tenant: " + tenant + "\n");
    io.tabula.ops.console.FlowLibrary library =
        new io.tabula.ops.console.FlowLibrary(
            temp.resolve("drafts"),
            PostgresFlowStore.open(database, new FlowCompiler(catalog)),
            catalog,
            new io.tabula.ops.console.ConsoleSounds(
                List.of(Path.of(soundsFor(Files.writeString(temp.resolve("first.yaml"), first))))));
    io.tabula.ops.console.FlowRef ref = new io.tabula.ops.console.FlowRef(tenant, "parking-ticket");
    io.tabula.ops.console.Account ana = io.tabula.ops.console.Account.system("ana");

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
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new FlowsCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private String soundsFor(Path file) throws Exception {
    var flow =
        io.tabula.flows.parse.FlowParser.parse(file.toString(), Files.readString(file))
            .flow()
            .orElseThrow();
    for (var prompt : io.tabula.ops.prompts.PlayedPrompt.of(flow)) {
      Path wav = sounds.resolve(prompt.language()).resolve(prompt.sound() + ".wav");
      Files.createDirectories(wav.getParent());
      Files.write(wav, new byte[] {1});
    }
    return sounds.toString();
  }
}
