package io.tabula.engine.cli;

import io.tabula.engine.demo.FlowAwareCaller;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.run.PromptSound;
import io.tabula.flows.simulate.KeyScript;
import io.tabula.flows.simulate.KeyScriptException;
import io.tabula.flows.simulate.Keypad;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.ops.terminal.TerminalKeypad;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tabula call <tenant>/<flow>}: a terminal softphone. The virtual PBX calls a running engine
 * and you play the caller like a phone: prompts appear as the flow's words, keys count as you press
 * them, {@code #} ends an entry, {@code h} hangs up.
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
      paramLabel = "KEYS",
      description =
          "run without a person, keys as in flows simulate: "
              + KeyScript.SYNTAX
              + "; e.g. \"4242424242424242#\"")
  String keys;

  @Option(
      names = "--prompt-ms",
      defaultValue = "0",
      description = "how long each prompt plays (default ${DEFAULT-VALUE})")
  long promptMillis;

  @Mixin AudioOptions audio;

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
    Caller script;
    try {
      script = keys == null ? null : scriptedCaller(route, KeyScript.parse(keys));
    } catch (KeyScriptException e) {
      spec.commandLine().getErr().println("tabula call: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    AudioOptions.Outcome sound =
        audio.open(
            ShippedFlowFiles.read(route + ".yaml")
                .flatMap(text -> FlowParser.parse(route + ".yaml", text).flow()),
            PromptSound.LANGUAGE);
    if (sound instanceof AudioOptions.Refused(String why)) {
      spec.commandLine().getErr().println("tabula call: " + why);
      spec.commandLine().getErr().flush();
      return 2;
    }
    Predicate<String> menuPrompt = menuPrompts(route)::contains;
    out.printf(
        "Calling %s on %s:%d (%s) ...%n",
        route, host, port, script == null ? SoftphoneCaller.HOW_TO_PLAY : "secure keys show as *");
    out.flush();
    PbxOptions options = PbxOptions.instant().withPromptDuration(Duration.ofMillis(promptMillis));
    try (Keypad keypad = script == null ? TerminalKeypad.open() : null;
        VirtualPbx pbx = VirtualPbx.create(options)) {
      if (keypad != null) {
        keypad.discardTypeAhead(); // keys pressed before the call are lost, as on a phone
      }
      PromptTexts texts = PromptTexts.forCall(route);
      SoftphoneCaller caller =
          script == null
              ? SoftphoneCaller.atKeypad(out, texts::text, menuPrompt, keypad)
              : SoftphoneCaller.scripted(out, texts::text, menuPrompt, script);
      if (sound instanceof AudioOptions.Playing playing) {
        try (CallSpeaker speaker = playing.hearing(caller, out)) {
          CallReport report = pbx.call(new InetSocketAddress(host, port), route, speaker).get();
          speaker.drained().join();
          return summarize(out, report);
        }
      }
      CallReport report = pbx.call(new InetSocketAddress(host, port), route, caller).get();
      return summarize(out, report);
    }
  }

  /** The menu prompts of the shipped flow the route names (their keys are shown), or none. */
  private static Set<String> menuPrompts(String route) {
    return shippedFlow(route).map(FlowAwareCaller::menuPrompts).orElse(Set.of());
  }

  private static Optional<Flow> shippedFlow(String route) {
    return ShippedFlowFiles.read(route + ".yaml")
        .flatMap(text -> FlowParser.parse(route + ".yaml", text).flow());
  }

  /**
   * For a shipped flow, a caller that answers its questions one token each, as demo's does; for
   * another route (the self-test flows), one token per input the engine asks for.
   */
  static Caller scriptedCaller(String route, List<KeyScript.Token> tokens) {
    Optional<Flow> flow = shippedFlow(route);
    if (flow.isPresent()) {
      return FlowAwareCaller.of(flow.get(), tokens);
    }
    List<CallerAction> actions = new ArrayList<>();
    for (KeyScript.Token token : tokens) {
      actions.add(
          switch (token) {
            case KeyScript.Keys(String keys) -> CallerAction.Keys.fast(keys);
            case KeyScript.BargeIn(char key) -> CallerAction.Keys.fast(String.valueOf(key));
            case KeyScript.Silence s -> new CallerAction.Silence();
            case KeyScript.HangUp h -> new CallerAction.HangUp(Duration.ZERO);
          });
    }
    return new ScriptedCaller(actions);
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
