package io.tabula.engine.cli;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tabula call <tenant>/<flow>}: a terminal softphone. The virtual PBX calls a running engine
 * and you play the caller: prompts appear as text, you type keys, {@code h} hangs up.
 */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = "Call a running engine from the terminal, playing the caller (virtual PBX).")
final class CallCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "TENANT/FLOW",
      description = "e.g. city/parking-ticket (selftest/echo on an engine with selftest.enabled)")
  String route;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "engine address (default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--port",
      defaultValue = "4573",
      description = "engine FastAGI port (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--keys",
      paramLabel = "GROUPS",
      description =
          "run without a person: comma-separated key groups, one per input, e.g. \"1234#,4242424242424242\"; h hangs up")
  String keys;

  @Option(
      names = "--prompt-ms",
      defaultValue = "0",
      description = "how long each prompt plays (default ${DEFAULT-VALUE})")
  long promptMillis;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!route.matches("[A-Za-z0-9_-]+/[A-Za-z0-9_-]+")) {
      out.println(
          "Give the route as <tenant>/<flow>, for example: tabula call city/parking-ticket");
      out.flush();
      return 2;
    }
    SoftphoneCaller caller =
        new SoftphoneCaller(
            out,
            PromptTexts.forCall(route)::text,
            keys == null ? null : ScriptedCaller.keys(keys),
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    out.printf("Calling %s on %s:%d ...%n", route, host, port);
    out.flush();
    try (VirtualPbx pbx =
        VirtualPbx.create(
            PbxOptions.instant().withPromptDuration(Duration.ofMillis(promptMillis)))) {
      CallReport report = pbx.call(new InetSocketAddress(host, port), route, caller).get();
      return summarize(out, report);
    }
  }

  private int summarize(PrintWriter out, CallReport report) {
    String text =
        switch (report.outcome()) {
          case ENGINE_HUNG_UP -> "Call ended: the engine hung up.";
          case CALLER_HUNG_UP -> "Call ended: you hung up.";
          case AGI_ENDED -> "Call ended: the engine handed the call back to the dialplan.";
          case REDIRECTED -> "Call moved by an AMI Redirect to " + report.redirectTarget() + ".";
          case CONNECTION_FAILED ->
              "Could not reach an engine on "
                  + host
                  + ":"
                  + port
                  + ". Start one with ./tabula serve, or pass --host/--port.";
        };
    out.println(text + " (" + report.commands() + " AGI commands)");
    out.flush();
    return report.outcome() == CallReport.Outcome.CONNECTION_FAILED ? 1 : 0;
  }
}
