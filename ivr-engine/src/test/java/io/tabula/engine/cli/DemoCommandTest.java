package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The newcomer's path: the demo with the real parts (PostgreSQL over TLS, the gateway simulator
 * over TLS, the engine, the virtual PBX) runs the happy path of the parking flow.
 */
class DemoCommandTest {

  private final StringWriter out = new StringWriter();

  private int demo(String... args) {
    CommandLine commandLine = TabulaCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(out));
    String[] all = new String[args.length + 1];
    all[0] = "demo";
    System.arraycopy(args, 0, all, 1, args.length);
    return commandLine.execute(all);
  }

  @Test
  void theAutomaticCallerPaysTheTicketAndTheEngineZeroesEverything() {
    int exit = demo("--auto");

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("[4/4] Tabula engine with the shipped flows")
        .contains("Your payment was approved")
        .contains("1 approved charge(s)")
        .contains("slots in use now: 0")
        .contains(": 0 findings.")
        .contains("keys: 1\n")
        .doesNotContain("keys: 4")
        .doesNotContain("4242424242424242");
  }

  @Test
  void anUnknownFlowIsRefusedWithTheChoices() {
    assertThat(demo("--flow", "city/nothing")).isEqualTo(2);
    assertThat(out.toString()).contains("Pick one of: city/parking-ticket");
  }

  @Test
  void aBadKeyTokenIsRefusedBeforeAnythingStarts() {
    StringWriter out = new StringWriter();
    int status =
        TabulaCommand.commandLine()
            .setOut(new PrintWriter(out))
            .execute("demo", "--keys", "12345678,1");

    assertThat(status).isEqualTo(2);
    assertThat(out.toString())
        .contains("--keys, token 1 (column 9): ',' is not a key (tokens are separated by spaces")
        .doesNotContain("PostgreSQL");
  }
}
