package io.tabula.engine.docker;

import static io.tabula.engine.docker.StackFiles.DOCKER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabula.engine.cli.TabulaCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/compose.yaml checked offline, since no Docker engine runs here: it parses, every file it
 * mounts exists in the repository or is made by the commands docker/README.md gives, every secret
 * it names is made by those commands, and every service another one waits for has a health check.
 */
class ComposeStackFilesTest {

  private static final Set<String> SERVICES =
      Set.of("asterisk", "postgres", "simulator", "engine", "prompts");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");

  @TempDir static Path made;
  static JsonNode compose;
  static Path certs;

  @BeforeAll
  static void makeWhatTheReadmeSaysToMake() {
    compose = StackFiles.compose();
    certs = made.resolve("certs");
    String command = readmeCertsCommand();
    List<String> args = new ArrayList<>(List.of(command.split("\\s+")));
    args.removeFirst(); // ./tabula
    args.set(args.indexOf("--out") + 1, certs.toString());
    int status =
        TabulaCommand.commandLine()
            .setOut(new PrintWriter(new StringWriter()))
            .execute(args.toArray(String[]::new));
    assertThat(status).isZero();
  }

  @Test
  void hasTheFiveServicesWithPinnedImages() {
    assertThat(names(compose.path("services"))).containsExactlyInAnyOrderElementsOf(SERVICES);
    for (String service : SERVICES) {
      String image = compose.at("/services/" + service + "/image").asText();
      assertThat(image).as(service).contains(":").doesNotEndWith(":latest");
    }
    assertThat(compose.at("/services/asterisk/build/target").asText()).isEqualTo("asterisk");
    assertThat(DOCKER.resolve("Dockerfile"))
        .content()
        .as("the Asterisk image is the pinned release plus the scrub's JRE and tabula.jar")
        .contains("FROM andrius/asterisk:22.10.1_debian-trixie AS asterisk")
        .contains("/usr/local/bin/tabula");
    assertThat(compose.at("/services/postgres/image").asText()).isEqualTo("postgres:17");
  }

  @Test
  void everyMountedFileExistsOrIsMadeByTheReadmeCommands() {
    Set<String> namedVolumes = names(compose.path("volumes"));
    for (String service : SERVICES) {
      for (JsonNode volume : compose.at("/services/" + service + "/volumes")) {
        String source = mount(volume)[0];
        if (source.startsWith(".") || source.startsWith("$")) {
          assertThat(hostPath(source)).as(service + " mounts " + source).exists();
        } else {
          assertThat(namedVolumes).as(service + " mounts volume " + source).contains(source);
        }
      }
    }
  }

  @Test
  void postgresGetsTheCertificateAndKeyThatTabulaCertsWrites() {
    String entrypoint = compose.at("/services/postgres/entrypoint").toString();
    Matcher files = Pattern.compile("/etc/tabula/certs/([\\w.-]+)").matcher(entrypoint);
    List<String> used = new ArrayList<>();
    while (files.find()) {
      used.add(files.group(1));
    }
    assertThat(used).containsExactly("postgres.key", "postgres.crt");
    used.forEach(name -> assertThat(certs.resolve(name)).exists());
    assertThat(compose.at("/services/postgres/command").toString())
        .contains("ssl=on", "ssl_key_file=/var/lib/postgresql/tls/server.key");
  }

  @Test
  void everySecretIsMadeByTheReadmeCommandAndEveryServiceSecretIsDeclared() {
    Set<String> declared = names(compose.path("secrets"));
    assertThat(declared).containsExactlyInAnyOrderElementsOf(readmeSecretNames());
    for (String service : SERVICES) {
      for (JsonNode secret : compose.at("/services/" + service + "/secrets")) {
        assertThat(declared).as(service).contains(secret.asText());
      }
    }
  }

  @Test
  void everyServiceWaitedForHasAHealthCheckAndTheEngineWaitsForAllThree() {
    JsonNode dependsOn = compose.at("/services/engine/depends_on");
    assertThat(names(dependsOn))
        .containsExactlyInAnyOrder("asterisk", "postgres", "simulator", "prompts");
    dependsOn.properties().stream()
        .filter(entry -> !entry.getKey().equals("prompts")) // a one-shot: ComposePromptsTest
        .forEach(
            entry -> {
              assertThat(entry.getValue().path("condition").asText()).isEqualTo("service_healthy");
              assertThat(compose.at("/services/" + entry.getKey() + "/healthcheck/test").isArray())
                  .as(entry.getKey() + " has a health check")
                  .isTrue();
            });
  }

  @Test
  void theEngineListensForAsteriskAndFindsItsConfigurationTenantsAndAmiSecret() {
    JsonNode engine = StackFiles.yaml(DOCKER.resolve("engine/tabula.yaml"));
    assertThat(engine.at("/agi/address").asText()).isEqualTo("0.0.0.0");
    assertThat(engine.at("/ami/host").asText()).isEqualTo("asterisk");
    assertThat(engine.at("/ami/secretFile").asText()).isEqualTo("/run/secrets/ami-secret");
    assertThat(engine.at("/tenants/dir").asText()).isEqualTo("/etc/tabula/tenants");
    assertThat(targets("engine"))
        .contains("/etc/tabula/tabula.yaml", "/etc/tabula/tenants", "/etc/tabula/certs");
    assertThat(compose.at("/services/engine/command").toString())
        .contains("/etc/tabula/tabula.yaml");
  }

  @Test
  void theEnginesAdminEndpointAsksForTheTokenAndItsHealthCheckHasIt() {
    JsonNode engine = StackFiles.yaml(DOCKER.resolve("engine/tabula.yaml"));
    assertThat(engine.at("/admin/tokenFile").asText()).isEqualTo("/run/secrets/admin-token");
    assertThat(compose.at("/services/engine/secrets").toString()).contains("admin-token");
    assertThat(compose.at("/services/engine/environment/TABULA_ADMIN_TOKEN_FILE").asText())
        .as("'tabula health' in the health check reads the token file from this variable")
        .isEqualTo("/run/secrets/admin-token");
  }

  @Test
  void theEngineIsGrantedTheMemoryLockItRequires() {
    JsonNode engine = StackFiles.yaml(DOCKER.resolve("engine/tabula.yaml"));
    assertThat(engine.at("/memory/protections").asText()).isEqualTo("required");
    assertThat(compose.at("/services/engine/cap_add").toString()).contains("IPC_LOCK");
    assertThat(compose.at("/services/engine/ulimits/memlock/soft").asInt()).isEqualTo(-1);
    assertThat(compose.at("/services/engine/ulimits/memlock/hard").asInt()).isEqualTo(-1);
  }

  @Test
  void theDialplanReachesTheEngineServiceOnItsAgiPort() throws IOException {
    String dialplan = Files.readString(DOCKER.resolve("asterisk/extensions.conf"));
    int port = StackFiles.yaml(DOCKER.resolve("engine/tabula.yaml")).at("/agi/port").asInt();

    assertThat(dialplan).contains("TABULA = agi://engine:" + port);
    assertThat(SERVICES).contains("engine");
  }

  @Test
  void everyTenantAndFlowTheDialplanNamesIsAShippedFlow() throws IOException {
    String dialplan = Files.readString(DOCKER.resolve("asterisk/extensions.conf"));
    Matcher routes =
        Pattern.compile("Gosub\\(tabula-call,s,1\\(([\\w-]+),([\\w-]+)\\)\\)").matcher(dialplan);
    List<String> found = new ArrayList<>();
    while (routes.find()) {
      found.add(routes.group(1) + "/" + routes.group(2));
      assertThat(
              StackFiles.REPO.resolve("flows/" + routes.group(1) + "/" + routes.group(2) + ".yaml"))
          .as("the dialplan's route " + routes.group(1) + "/" + routes.group(2))
          .exists();
    }
    assertThat(found).contains("city/parking-ticket", "utility/bill-payment", "utility/balance");
  }

  @Test
  void tenantFilesPointOnlyAtFilesTheEngineContainerHas() throws IOException {
    Set<String> secrets = new LinkedHashSet<>();
    compose.at("/services/engine/secrets").forEach(s -> secrets.add(s.asText()));
    try (Stream<Path> files = Files.list(DOCKER.resolve("tenants"))) {
      for (Path tenant : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        for (String path : paths(StackFiles.yaml(tenant), new ArrayList<>())) {
          String file = path.startsWith("file:") ? path.substring(5) : path;
          if (file.startsWith("/run/secrets/")) {
            assertThat(secrets).as(tenant + ": " + file).contains(file.substring(13));
          } else {
            assertThat(containerFile("engine", file)).as(tenant + ": " + file).isTrue();
          }
        }
      }
    }
  }

  @Test
  void theTestOverrideOnlyChangesServicesOfTheStack() {
    JsonNode override = StackFiles.yaml(DOCKER.resolve("compose.test.yaml"));
    assertThat(SERVICES).containsAll(names(override.path("services")));
    for (JsonNode volume : override.at("/services/asterisk/volumes")) {
      assertThat(hostPath(mount(volume)[0])).exists();
    }
  }

  /** Whether a file the engine reads inside its container comes from one of its mounts. */
  private static boolean containerFile(String service, String file) {
    for (JsonNode volume : compose.at("/services/" + service + "/volumes")) {
      String[] parts = mount(volume);
      String target = parts[1];
      if (!file.startsWith(target + "/")) {
        continue;
      }
      String rest = file.substring(target.length() + 1);
      if (parts[0].equals("simulator-ca")) {
        return rest.equals("ca.pem"); // 'tabula simulator --ca-dir' writes ca.pem there
      }
      return Files.exists(hostPath(parts[0]).resolve(rest));
    }
    return false;
  }

  private static List<String> paths(JsonNode node, List<String> found) {
    if (node.isTextual() && (node.asText().startsWith("/") || node.asText().startsWith("file:/"))) {
      found.add(node.asText());
    }
    node.forEach(child -> paths(child, found));
    return found;
  }

  private static List<String> targets(String service) {
    List<String> targets = new ArrayList<>();
    compose.at("/services/" + service + "/volumes").forEach(v -> targets.add(mount(v)[1]));
    return targets;
  }

  /** Source and target of a short-syntax mount; a ${VAR:-default} source stays whole. */
  private static String[] mount(JsonNode volume) {
    String spec = volume.asText();
    Matcher variable = VARIABLE.matcher(spec);
    if (variable.lookingAt()) {
      String[] rest = spec.substring(variable.end()).split(":");
      return new String[] {variable.group() + rest[0], rest[1]};
    }
    return spec.split(":");
  }

  /** A mount source on the host: ${TABULA_CERTS:-./certs} is where 'tabula certs' wrote. */
  private static Path hostPath(String source) {
    Matcher variable = VARIABLE.matcher(source);
    if (variable.lookingAt()) {
      return switch (variable.group(1)) {
        case "TABULA_CERTS" ->
            certs.resolve(source.substring(variable.end()).replaceFirst("^/", ""));
        default -> throw new AssertionError("unexpected variable in a mount: " + source);
      };
    }
    return DOCKER.resolve(source).normalize();
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new LinkedHashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static String readmeCertsCommand() {
    return readmeLines().stream()
        .map(String::strip)
        .filter(l -> l.startsWith("./tabula certs "))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("docker/README.md gives no './tabula certs' command"));
  }

  static List<String> readmeSecretNames() {
    String loop = String.join(" ", readmeLines()).replace("\\", " ");
    Matcher names = Pattern.compile("for s in ([\\w\\s-]+?);\\s*do").matcher(loop);
    assertThat(names.find())
        .as("docker/README.md has the 'for s in ...; do' secrets command")
        .isTrue();
    return List.of(names.group(1).strip().split("\\s+"));
  }

  private static List<String> readmeLines() {
    try {
      return Files.readAllLines(DOCKER.resolve("README.md"));
    } catch (IOException e) {
      throw new AssertionError("cannot read docker/README.md", e);
    }
  }
}
