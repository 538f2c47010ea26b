package io.tabula.ops.flows;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeyScript;
import io.tabula.flows.simulate.KeyScriptException;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.Keypad;
import io.tabula.flows.simulate.Transcript;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.ops.prompts.CallAudio;
import io.tabula.ops.prompts.FlowAudio;
import io.tabula.ops.prompts.SoundLibrary;
import io.tabula.ops.terminal.TerminalKeypad;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
      "Without --keys you play the caller on the terminal like a phone: keys count as pressed"
          + " (no Enter), # ends an entry, secure keys show as *, h hangs up.",
      "Demo data: city tickets 12345678 (45.00 due), 55555555, 87654321 (paid); utility account 1002003004 ZIP 94110.",
      "Test cards: 4242424242424242 approved; 4000000000009995 insufficient funds; 4000000000000069 expired;",
      "4000000000000127 wrong CVC; 4000000000000044 do not honour; 4000000000000119 processor failure"
          + " (not charged);",
      "4000000000003220 unknown outcome (the processor did not confirm: on_unknown)."
    })
final class SimulateFlowCommand implements Callable<Integer> {

  private static final String HOW_TO_PLAY =
      "keys as on a phone, no Enter: # ends an entry, secure keys show as *; h hangs up";

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
      names = "--audio",
      paramLabel = "OUT.wav",
      description =
          "Also write the whole call as one 8 kHz WAV: the prompts' audio (from --sounds),"
              + " Asterisk's core sounds for numbers, digits and dates, a DTMF tone per key"
              + " (a plain beep per secure key: never the digits) and silence where the caller"
              + " keyed nothing.")
  Path audio;

  @Option(
      names = "--sounds",
      paramLabel = "DIR",
      description =
          "Where the prompts' audio is (tabula prompts render --sounds DIR); repeatable. Default:"
              + " the checkout's sounds/ folder. Asterisk's core sounds are also looked up in "
              + "/usr/share/asterisk/sounds (Debian's asterisk-core-sounds-* packages).")
  List<Path> sounds = new ArrayList<>();

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
    Optional<SoundLibrary> library = Optional.empty();
    if (audio != null) {
      library = soundLibrary(err);
      if (library.isEmpty()) {
        return 2;
      }
    }
    CallAudio heard = new CallAudio();
    Clock clock = Clock.systemUTC();
    Flow flow = compiled.get().flow().orElseThrow();
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      FlowSimulator simulator = new FlowSimulator(pool, DemoConnectors.create(clock), clock);
      if (source != null) {
        simulator.run(flow, source, new Transcript(out), language, heard::listenTo);
      } else {
        out.println("You are the caller: " + HOW_TO_PLAY + ".");
        out.flush();
        try (Keypad keypad = TerminalKeypad.open()) {
          keypad.discardTypeAhead(); // keys pressed before the call are lost, as on a phone
          simulator.run(flow, keypad, out, new Transcript(out), language, heard::listenTo);
        }
      }
    }
    if (library.isPresent()) {
      try {
        heard.write(audio, library.get());
      } catch (SoundLibrary.SoundException e) {
        err.println("tabula flows simulate: no audio written: " + e.getMessage());
        err.flush();
        return 1;
      }
      out.println("The call's audio (8 kHz WAV): " + audio);
      out.flush();
    }
    return 0;
  }

  /**
   * The folders sounds are looked up in: {@code --sounds} or the checkout's {@code sounds/}, then
   * Debian's core sounds.
   */
  private Optional<SoundLibrary> soundLibrary(PrintWriter err) {
    List<Path> dirs = new ArrayList<>(sounds);
    if (dirs.isEmpty()) {
      FlowAudio.checkoutSounds().filter(Files::isDirectory).ifPresent(dirs::add);
    }
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        err.println(
            "tabula flows simulate: "
                + dir
                + " is not a folder; pass the folder tabula prompts render --sounds DIR wrote");
        err.flush();
        return Optional.empty();
      }
    }
    if (dirs.isEmpty()) {
      err.println(
          "tabula flows simulate: --audio needs the prompts' audio; pass --sounds DIR (the folder"
              + " tabula prompts render --sounds DIR made)");
      err.flush();
      return Optional.empty();
    }
    if (Files.isDirectory(SoundLibrary.DEBIAN_CORE_SOUNDS)) {
      dirs.add(SoundLibrary.DEBIAN_CORE_SOUNDS);
    }
    return Optional.of(new SoundLibrary(dirs));
  }
}
