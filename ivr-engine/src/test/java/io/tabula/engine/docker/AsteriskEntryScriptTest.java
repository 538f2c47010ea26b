package io.tabula.engine.docker;

import static io.tabula.engine.docker.StackFiles.DOCKER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/asterisk-entry.sh, run with {@code sh} on folders standing in for the container's: the
 * shipped manager.conf still has the lines it renders, and what it writes is what the compose
 * network and the engine need.
 */
class AsteriskEntryScriptTest {

  @TempDir Path root;

  @Test
  void rendersManagerConfForTheComposeNetworkAndAppendsTheTestDialplan() throws Exception {
    Path etc = Files.createDirectories(root.resolve("etc"));
    Path secret = Files.writeString(root.resolve("ami-secret"), "0a1b2c3d4e5f-ok_\n");

    Result result = run(etc, secret, DOCKER.resolve("asterisk-test"));

    assertThat(result.status()).as(result.stderr()).isZero();
    List<String> manager = Files.readAllLines(etc.resolve("manager.conf"));
    assertThat(manager)
        .contains(
            "bindaddr = 0.0.0.0",
            "secret = 0a1b2c3d4e5f-ok_",
            "deny = 0.0.0.0/0.0.0.0",
            "permit = 10.0.0.0/255.0.0.0",
            "permit = 172.16.0.0/255.240.0.0",
            "permit = 192.168.0.0/255.255.0.0",
            "read = call,system",
            "write = call")
        .doesNotContain("secret = CHANGE_ME", "bindaddr = 127.0.0.1");
    assertThat(Files.getPosixFilePermissions(etc.resolve("manager.conf")).toString())
        .doesNotContain("OTHERS_READ");
    String dialplan = Files.readString(etc.resolve("extensions.conf"));
    assertThat(dialplan).startsWith(Files.readString(DOCKER.resolve("asterisk/extensions.conf")));
    assertThat(dialplan).contains("[stacktest-caller]");
    assertThat(etc.resolve("logger.conf"))
        .hasSameTextualContentAs(DOCKER.resolve("asterisk/logger.conf"));
  }

  @Test
  void withoutTheTestFolderTheDialplanIsTheShippedOne() throws Exception {
    Path etc = Files.createDirectories(root.resolve("etc"));
    Path secret = Files.writeString(root.resolve("ami-secret"), "abc123\n");

    assertThat(run(etc, secret, root.resolve("no-such-folder")).status()).isZero();
    assertThat(etc.resolve("extensions.conf"))
        .hasSameTextualContentAs(DOCKER.resolve("asterisk/extensions.conf"));
  }

  @Test
  void aSecretThatCouldBreakTheConfigurationStopsTheContainerWithAReason() throws Exception {
    Path etc = Files.createDirectories(root.resolve("etc"));
    Path secret = Files.writeString(root.resolve("ami-secret"), "a|b\n");

    Result result = run(etc, secret, root.resolve("none"));

    assertThat(result.status()).isNotZero();
    assertThat(result.stderr()).contains("letters, digits").doesNotContain("a|b");
    assertThat(etc.resolve("manager.conf")).doesNotExist();
  }

  @Test
  void aMissingSecretFileSaysWhereItShouldCome() throws Exception {
    Path etc = Files.createDirectories(root.resolve("etc"));

    Result result = run(etc, root.resolve("missing"), root.resolve("none"));

    assertThat(result.status()).isNotZero();
    assertThat(result.stderr()).contains("docker/secrets/ami-secret");
  }

  private record Result(int status, String stderr) {}

  private static Result run(Path etc, Path secret, Path extra)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("sh", DOCKER.resolve("asterisk-entry.sh").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.put("TABULA_ASTERISK_SRC", DOCKER.resolve("asterisk").toString());
    env.put("TABULA_ASTERISK_EXTRA", extra.toString());
    env.put("TABULA_ASTERISK_ETC", etc.toString());
    env.put("TABULA_AMI_SECRET_FILE", secret.toString());
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), stderr);
  }
}
