package io.tabula.ops.flows;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeyScript;
import io.tabula.flows.simulate.KeyScriptException;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.Transcript;
import io.tabula.masking.memory.CallMemoryPool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tabula flows simulate FILE --keys "..."}: a call without telephony, as a transcript. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a flow against the in-memory demo connectors and print the conversation.",
      "Keys: " + KeyScript.SYNTAX + ".",
      "Without --keys the simulator asks for each answer on the terminal.",
      "Demo data: city tickets 12345678 (45.00 due), 55555555, 87654321 (paid); utility account 1002003004 ZIP 94110.",
      "Test cards: 4242424242424242 approved; 4000000000009995 insufficient funds; 4000000000000069 expired;",
      "4000000000000127 wrong CVC; 4000000000000044 do not honour; 4000000000000119 processor failure"
          + " (not charged);",
      "4000000000003220 unknown outcome (the processor did not confirm: on_unknown)."
    })
final class SimulateFlowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "A flow file, or a shipped flow such as city/parking-ticket.yaml.")
  String file;

  @Option(
      names = "--keys",
      paramLabel = "KEYS",
      description = "What the caller presses, e.g. \"12345678# 1 4242424242424242# 1230 123\".")
  String keys;

  @Option(
      names = "--language",
      paramLabel = "LANG",
      defaultValue = "en",
      description =
          "The channel's language (agi_language, as a trunk or DID sets it), e.g. es: a flow"
              + " that speaks it answers in it (default en).")
  String language;

  @Option(names = "--lookup-connector", hidden = true)
  List<String> lookups = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var compiled = FlowFiles.compile(file, FlowFiles.catalog(lookups, List.of()), err);
    if (compiled.isEmpty() || !compiled.get().ok()) {
      err.println("The flow has errors; fix them (see above), then simulate again.");
      err.flush();
      return 1;
    }
    KeySource source;
    try {
      source = keys != null ? KeySource.script(keys) : null;
    } catch (KeyScriptException e) {
      err.println("tabula flows simulate: " + e.getMessage());
      err.flush();
      return 2;
    }
    source =
        source != null
            ? source
            : KeySource.interactive(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
    Clock clock = Clock.systemUTC();
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      new FlowSimulator(pool, DemoConnectors.create(clock), clock)
          .run(compiled.get().flow().orElseThrow(), source, new Transcript(out), language);
    }
    return 0;
  }
}
