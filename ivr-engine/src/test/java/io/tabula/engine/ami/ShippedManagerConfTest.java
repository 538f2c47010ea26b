package io.tabula.engine.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The manager.conf in docker/asterisk keeps the engine's AMI user least-privileged and DTMF-free.
 */
class ShippedManagerConfTest {

  private static List<String> tabulaSection() throws IOException {
    Path conf =
        Path.of(System.getProperty("tabula.repo.dir", ".."), "docker/asterisk/manager.conf");
    List<String> section = new ArrayList<>();
    boolean inside = false;
    for (String raw : Files.readAllLines(conf)) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        inside = line.equals("[tabula]");
      } else if (inside && !line.isEmpty() && !line.startsWith(";")) {
        section.add(line);
      }
    }
    return section;
  }

  private static List<String> values(List<String> section, String key) {
    return section.stream()
        .filter(l -> l.replace(" ", "").startsWith(key + "="))
        .map(l -> l.substring(l.indexOf('=') + 1).strip())
        .toList();
  }

  @Test
  void readsNoDtmfDialplanOrAgiEventsAndWritesOnlyCall() throws IOException {
    List<String> section = tabulaSection();
    List<String> read =
        Arrays.stream(values(section, "read").getFirst().split(","))
            .map(s -> s.strip().toLowerCase(Locale.ROOT))
            .toList();

    assertThat(read).doesNotContain("dtmf", "dialplan", "agi", "all").contains("call", "system");
    assertThat(values(section, "write")).containsExactly("call");
  }

  @Test
  void filtersDtmfEventsInBothSyntaxes() throws IOException {
    List<String> section = tabulaSection();

    assertThat(section)
        .contains(
            "eventfilter(action(exclude),name(DTMFBegin)) =",
            "eventfilter(action(exclude),name(DTMFEnd)) =")
        .anyMatch(l -> l.replace(" ", "").equals("eventfilter=!Event:DTMF*"));
  }

  @Test
  void theEventMaskAtLoginMatchesTheReadPrivileges() throws IOException {
    List<String> read =
        Arrays.stream(values(tabulaSection(), "read").getFirst().split(","))
            .map(String::strip)
            .toList();
    assertThat(List.of(AmiLink.EVENT_MASK.split(","))).containsExactlyInAnyOrderElementsOf(read);
  }
}
