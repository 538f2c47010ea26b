package io.tabula.engine.asterisk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an Asterisk keeps on disk after calls: its log folder (messages, security, queue log, CDR
 * and CEL files) and astdb. A test searches them for what callers keyed.
 */
final class AsteriskRecords {

  private AsteriskRecords() {}

  static Path cdr(PbxDirectory dir) {
    return dir.log().resolve("cdr-csv/Master.csv");
  }

  static Path cel(PbxDirectory dir) {
    return dir.log().resolve("cel-custom/cel.csv");
  }

  /**
   * Every file under the log and astdb folders that holds any of the needles, as "file: needle".
   */
  static List<String> holding(PbxDirectory dir, List<String> needles) throws IOException {
    List<String> hits = new ArrayList<>();
    for (Path folder : List.of(dir.log(), dir.db())) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          needles.stream().filter(text::contains).forEach(n -> hits.add(file + ": " + n));
        }
      }
    }
    return hits;
  }
}
