package io.tabula.engine.residue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.pbx.ami.AmiMessage;
import io.tabula.engine.pbx.ami.VirtualAmiOptions;
import io.tabula.engine.pbx.ami.VirtualAmiServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digits that a dialplan put into AMI events never become Strings in the engine: an engine in its
 * own JVM, linked to a virtual Asterisk whose manager user reads everything (the event mask
 * ignored, as an unfiltered manager.conf does), receives 200 events of eight kinds, each with a
 * different card number in a field where an admin's dialplan could put keyed digits. A call then
 * mutes through the same link, so its response proves the engine read every event before it. The
 * heap dump of a heap that was never collected, unreachable objects included, must hold none of the
 * numbers: not even a String made and dropped at once by Asterisk-Java's reader is missed.
 */
class AmiEventResidueTest {

  private static final int EVENTS = 200;
  private static final String SECRET = "residue-ami-secret";

  /** Event kinds and the field each puts the number in. */
  private static final List<Function<String, AmiMessage>> KINDS =
      List.of(
          card -> event("Newchannel", "call,all", "Exten", card),
          card -> event("DialBegin", "call,all", "DestExten", card),
          card -> event("Hangup", "call,all", "ConnectedLineNum", card),
          card -> event("NewCallerid", "call,all", "CallerIDNum", card),
          card -> event("VarSet", "dialplan,all", "Value", card),
          card -> event("Newexten", "dialplan,all", "AppData", card + "#"),
          card -> event("UserEvent", "user,all", "Value", card),
          card -> event("Cdr", "cdr,all", "LastData", card));

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void cardNumbersInAmiEventsLeaveNoStringInTheEnginesHeap(@TempDir Path dir) throws Exception {
    List<String> cards = CardNumbers.generate(EVENTS, 20261205L);
    try (VirtualAmiServer ami =
        VirtualAmiServer.start(
            VirtualAmiOptions.defaults("tabula", SECRET).withHonourEventMask(false))) {
      // The echo flow is a self-test flow and there are no tenant files, so serve is told both;
      // recording stays mixmonitor, so the echo's secure collect mutes through the link. The
      // virtual PBX plays no sound files, so there are none to check.
      EngineProcess.Options options =
          new EngineProcess.Options(
              dir,
              List.of(),
              List.of("--demo"),
              Map.of(
                  "TABULA_AGI_PORT", "0",
                  "TABULA_ADMIN_PORT", "0",
                  "TABULA_MEMORY_SLOTS", "16",
                  "TABULA_SELFTEST_ENABLED", "true",
                  "TABULA_PROMPTS_CHECK", "off",
                  "TABULA_AMI_HOST", "127.0.0.1:" + ami.port(),
                  "TABULA_AMI_SECRET", SECRET));
      try (EngineProcess engine = EngineProcess.start(options)) {
        InetSocketAddress agi = engine.agiAddress();
        await().atMost(Duration.ofSeconds(30)).until(() -> ami.openSessions() == 1);
        for (int i = 0; i < EVENTS; i++) {
          ami.broadcast(KINDS.get(i % KINDS.size()).apply(cards.get(i)));
        }
        muteOnce(ami, agi);

        Path dump = dir.resolve("engine.hprof");
        engine.heapDump(dump);
        DumpScanner.Hits hits =
            DumpScanner.of(List.of(Needles.of("ami", cards))).scan(dump).get("ami");
        System.out.printf(
            "AMI residue: %d events, heap dump %.1f MiB, hits: ascii=%d utf16le=%d utf16be=%d%n",
            EVENTS, Files.size(dump) / 1048576.0, hits.ascii(), hits.utf16le(), hits.utf16be());
        Files.delete(dump);
        assertThat(hits.total()).isZero();
      }
    }
  }

  /**
   * Calls the echo flow until one of its secure collects mutes through the link (the first may come
   * before the link has logged in). The mute's response follows every event above on the stream.
   */
  private static void muteOnce(VirtualAmiServer ami, InetSocketAddress agi) throws Exception {
    try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                pbx.call(agi, "selftest/echo", ScriptedCaller.keys("#")).get(10, TimeUnit.SECONDS);
                return !ami.mutesReceived().isEmpty();
              });
    }
  }

  private static AmiMessage event(String name, String privilege, String field, String value) {
    return AmiMessage.of("Event", name)
        .with("Privilege", privilege)
        .with("Channel", "Local/ivr-00000001;2")
        .with(field, value);
  }
}
