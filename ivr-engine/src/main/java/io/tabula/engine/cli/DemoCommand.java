package io.tabula.engine.cli;

import io.tabula.connectors.embedded.OwnedTempFolder;
import io.tabula.engine.config.ConfigException;
import io.tabula.engine.demo.DemoLeftovers;
import io.tabula.engine.demo.DemoLogFile;
import io.tabula.engine.demo.DemoScripts;
import io.tabula.engine.demo.DemoStack;
import io.tabula.engine.demo.FlowAwareCaller;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.run.PromptSound;
import io.tabula.flows.simulate.KeyScript;
import io.tabula.flows.simulate.KeyScriptException;
import io.tabula.flows.simulate.Keypad;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.masking.audit.AuditSummary;
import io.tabula.masking.audit.LogAuditor;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.ops.terminal.TerminalKeypad;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole product on one machine: embedded PostgreSQL with TLS and demo data, the card gateway
 * simulator, the engine with the shipped flows, and the terminal softphone calling in. After the
 * call it shows what the engine zeroed and audits the masked logs it wrote.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the end-to-end demo on the embedded defaults (no setup needed).",
      "Starts PostgreSQL with TLS, the card gateway simulator and the engine, then calls in."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--flow",
      defaultValue = "city/parking-ticket",
      description =
          "Shipped flow to call: city/parking-ticket, utility/bill-payment, utility/balance"
              + " (default: ${DEFAULT-VALUE}).")
  String route;

  @Option(
      names = "--keys",
      paramLabel = "KEYS",
      description =
          "Run without a person, keys as in flows simulate: "
              + KeyScript.SYNTAX
              + "; e.g. \"12345678# 1 4242424242424242# 1230 123\".")
  String keys;

  @Option(
      names = "--auto",
      description =
          "Play the happy path with the demo data; exit 0 only if the payment was approved"
              + " (for the flows that pay; utility/balance has none), the call's memory was"
              + " zeroed and the logs hold no card data.")
  boolean auto;

  @Option(
      names = "--keep",
      description =
          "Keep the work folder (masked logs, tenant files) after the demo; by default it is"
              + " removed at exit, Ctrl-C included.")
  boolean keep;

  /** The demo's work folder in the temporary folder starts with this. */
  static final String WORK_FOLDER_PREFIX = "tabula-demo-";

  @Mixin AudioOptions audio;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String[] parts = route.split("/", 2);
    if (parts.length != 2 || DemoScripts.happyPath(route).isEmpty()) {
      out.println("Unknown flow '" + route + "'. Pick one of: " + String.join(", ", flows()));
      out.flush();
      return 2;
    }
    List<KeyScript.Token> script;
    try {
      String text = auto ? DemoScripts.happyPath(route).orElseThrow() : keys;
      script = text == null ? null : KeyScript.parse(text);
    } catch (KeyScriptException e) {
      out.println("tabula demo: " + e.getMessage());
      out.flush();
      return 2;
    }
    AudioOptions.Outcome sound =
        audio.open(
            ShippedFlowFiles.read(route + ".yaml")
                .flatMap(text -> FlowParser.parse(route + ".yaml", text).flow()),
            PromptSound.LANGUAGE);
    if (sound instanceof AudioOptions.Refused(String why)) {
      out.println("tabula demo: " + why);
      out.flush();
      return 2;
    }
    out.println("Tabula demo: everything runs on this machine, on loopback only.");
    DemoLeftovers.remove(out);
    // The terminal goes to raw mode before the stack starts: keys typed meanwhile are not echoed.
    try (Keypad keypad = script == null ? TerminalKeypad.open() : null;
        OwnedTempFolder work = OwnedTempFolder.create(WORK_FOLDER_PREFIX)) {
      Path logFile = work.path().resolve("logs").resolve("tabula.log");
      Files.createDirectories(logFile.getParent());
      DemoLogFile.redirectTo(logFile);
      int status;
      try (DemoStack stack = DemoStack.start(work.path(), out)) {
        Flow flow = stack.flows().current(parts[0], parts[1]).orElseThrow().flow();
        CallReport report = call(out, stack, flow, script, keypad, sound);
        status = summarize(out, stack, report, logFile);
      }
      if (keep) {
        work.keep();
        out.printf(
            "Work folder kept: %s (./tabula audit logs %s)%n", work.path(), logFile.getParent());
      } else {
        out.println("Work folder removed (--keep keeps it, to check the logs yourself).");
      }
      out.flush();
      return status;
    } catch (ConfigException e) {
      // An edited flow in the checkout's flows/ folder that does not validate, with its positions.
      out.println();
      out.println("tabula demo: " + e.getMessage());
      out.flush();
      return 2;
    }
  }

  private CallReport call(
      PrintWriter out,
      DemoStack stack,
      Flow flow,
      List<KeyScript.Token> script,
      Keypad keypad,
      AudioOptions.Outcome sound)
      throws Exception {
    Predicate<String> menuPrompt = FlowAwareCaller.menuPrompts(flow)::contains;
    PromptTexts texts = PromptTexts.bySound(flow);
    out.printf(
        "%nCalling %s (%s) ...%n",
        route, script == null ? SoftphoneCaller.HOW_TO_PLAY : "secure keys show as *; h hangs up");
    out.flush();
    try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      if (keypad != null) {
        keypad.discardTypeAhead(); // keys pressed before the call are lost, as on a phone
      }
      SoftphoneCaller caller =
          script == null
              ? SoftphoneCaller.atKeypad(out, texts::text, menuPrompt, keypad)
              : SoftphoneCaller.scripted(
                  out, texts::text, menuPrompt, FlowAwareCaller.of(flow, script));
      if (sound instanceof AudioOptions.Playing playing) {
        try (CallSpeaker speaker = playing.hearing(caller, out)) {
          CallReport report = pbx.call(stack.engine().address(), route, speaker).get();
          speaker.drained().join();
          return report;
        }
      }
      return pbx.call(stack.engine().address(), route, caller).get();
    }
  }

  private int summarize(PrintWriter out, DemoStack stack, CallReport report, Path logFile) {
    CallMemoryPool pool = stack.engine().pool();
    boolean zeroed = awaitAllZeroed(pool);
    long charges = stack.simulator().ledger().charges().size();
    out.printf(
        Locale.ROOT,
        "%nCall ended (%s, %d AGI commands).%n",
        report.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        report.commands());
    out.printf(
        Locale.ROOT,
        "Call memory: %d slot of %d bytes zeroed at hangup in %.1f us; slots in use now: %d.%n",
        pool.zeroings(),
        pool.config().slotBytes(),
        pool.lastZeroingNanos() / 1_000.0,
        pool.slotsInUse());
    out.printf("Card gateway simulator: %d approved charge(s) in its ledger.%n", charges);
    out.println(stack.journal().summary(route));
    AuditSummary audit = new LogAuditor().audit(List.of(logFile), finding -> {});
    out.printf("Masked logs: %s%nAudit of those logs: %s%n", logFile, audit.sentence());
    out.flush();
    if (!auto) {
      return 0;
    }
    boolean paid = !DemoScripts.pays(route) || charges == 1;
    return paid && zeroed && audit.clean() ? 0 : 1;
  }

  /**
   * The engine zeroes a call's slot as the call's last act, which can be a moment after the virtual
   * PBX saw the socket close; wait briefly for it.
   */
  private static boolean awaitAllZeroed(CallMemoryPool pool) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (pool.slotsInUse() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    return pool.slotsInUse() == 0 && pool.zeroings() > 0;
  }

  private static List<String> flows() {
    return List.of("city/parking-ticket", "utility/bill-payment", "utility/balance");
  }
}
