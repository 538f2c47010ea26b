package io.tabula.ops.asterisk.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.asterisk.RealAsterisk;
import io.tabula.ops.asterisk.conf.ConfReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads one extensions.conf full of what Asterisk's config parser does (escapes, block comments,
 * templates, additions, globbed includes that carry the current context) into the lint and into the
 * real Asterisk 22.10.1, and compares every priority {@code dialplan show} lists with the lint's:
 * same context, extension, application and data, same file. Skips without that Asterisk.
 */
class RealAsteriskDialplanTest {

  /** {@code '1' => 1. NoOp(a;b) [extensions.conf:8]} and its continuation lines. */
  private static final Pattern PRIORITY =
      Pattern.compile("^\\s*(?:'([^']*)' =>)?\\s+\\d+\\.\\s+(.*?)\\s+\\[([^\\]:]+):\\d+\\]\\s*$");

  @TempDir Path dir;

  @Test
  void everyPriorityIsWhatAsteriskLoads() throws Exception {
    try (RealAsterisk asterisk = RealAsterisk.prepare(dir)) {
      Path etc = asterisk.etc();
      Files.writeString(
          etc.resolve("modules.conf"), "[modules]\nautoload = no\nload => pbx_config.so\n");
      Files.write(
          etc.resolve("extensions.conf"),
          List.of(
              "[general]",
              "static = yes",
              "[globals]",
              "TABULA = agi://engine:4573",
              "[base](!)",
              "exten => t,1,NoOp(from template)",
              "[ctx](base)",
              "exten => 1,1,NoOp(a\\;b) ; comment",
              " same => n,Set(X=1) ;-- a block",
              "exten => 2,1,NoOp(hidden in the block)",
              "--; exten => 3,1,NoOp(after the block)",
              "exten => 4,1,MixMonitor(${UNIQUEID}.wav,,tabula recordings scrub in out)",
              "#include conf.d/*.conf",
              "exten => 7,1,NoOp(back in ctx)",
              "[ctx](+)",
              "exten => 8,1,AGI(${TABULA}/city/parking-ticket)",
              "exten => 9,1,NoOp(one) ;--- three dashes: a plain comment",
              "exten => 10,1,NoOp(two)",
              "exten => _[1,2]XX,1,NoOp(a pattern with a comma)",
              "exten => 11,1,Hangup",
              "exten => 12,hint,PJSIP/agent1"));
      Path confD = Files.createDirectories(etc.resolve("conf.d"));
      Files.writeString(confD.resolve("b.conf"), "exten => 5,1,NoOp(from b, after a)\n");
      Files.writeString(
          confD.resolve("a.conf"),
          "exten => 6,1,NoOp(from a)\n[other]\nexten => s,1,NoOp(x)\n"
              + "exten => t,1,NoOp(y) --; a stray block end\nexten => u,1,NoOp(ignored)\n");
      Dialplan lint = Dialplan.of(new ConfReader(etc).read("extensions.conf").orElseThrow());
      asterisk.start();

      List<String> shown = new ArrayList<>();
      for (String context : List.of("ctx", "other")) {
        shown.addAll(priorities(context, asterisk.remote("dialplan show " + context)));
      }
      List<String> read =
          lint.calls().stream()
              .map(
                  c ->
                      c.context()
                          + " "
                          + c.exten()
                          + " "
                          + c.app()
                          + "("
                          + c.data()
                          + ") "
                          + c.where().file().getFileName())
              .toList();
      assertThat(read).containsExactlyInAnyOrderElementsOf(shown).hasSize(14);
    }
  }

  private static List<String> priorities(String context, String shown) {
    List<String> priorities = new ArrayList<>();
    String exten = "";
    for (String line : shown.lines().toList()) {
      Matcher matcher = PRIORITY.matcher(line);
      if (!matcher.matches()) {
        continue;
      }
      exten = matcher.group(1) != null ? matcher.group(1) : exten;
      priorities.add(context + " " + exten + " " + matcher.group(2) + " " + matcher.group(3));
    }
    return priorities;
  }
}
