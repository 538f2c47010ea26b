package io.tabula.engine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for caller digits in files: every needle as ASCII and as UTF-16 (both byte orders), the
 * ways Java would have written a String of them. Reports where, never what: a hit names the file
 * and the needle's last four digits only.
 */
final class DiskResidue {

  private DiskResidue() {}

  /** The files under {@code places} (folders are walked, missing places skipped). */
  static List<Path> files(List<Path> places) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path place : places) {
      if (Files.isRegularFile(place)) {
        files.add(place);
      } else if (Files.isDirectory(place)) {
        try (Stream<Path> walk = Files.walk(place)) {
          walk.filter(Files::isRegularFile).forEach(files::add);
        }
      }
    }
    return files;
  }

  /** Each hit as {@code file: ...last four}; empty when no needle is in any file. */
  static List<String> hits(List<Path> files, List<String> needles) {
    List<String> hits = new ArrayList<>();
    for (Path file : files) {
      byte[] content = read(file);
      for (String needle : needles) {
        for (byte[] form : forms(needle)) {
          if (indexOf(content, form) >= 0) {
            hits.add(file + ": ..." + needle.substring(needle.length() - 4));
            break;
          }
        }
      }
    }
    return hits;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to scan it", e);
    }
  }

  private static List<byte[]> forms(String needle) {
    return List.of(
        needle.getBytes(StandardCharsets.US_ASCII),
        needle.getBytes(StandardCharsets.UTF_16LE),
        needle.getBytes(StandardCharsets.UTF_16BE));
  }

  static int indexOf(byte[] content, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= content.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (content[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
