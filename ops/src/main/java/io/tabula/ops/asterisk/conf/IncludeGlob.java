package io.tabula.ops.asterisk.conf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the file name of an {@code #include} the way Asterisk does: relative names are taken from
 * the configuration folder (not from the including file's folder), and the name is a glob ({@code
 * *}, {@code ?}, {@code [...]}, {@code {a,b}}) whose matches are read in sorted order.
 */
final class IncludeGlob {

  private IncludeGlob() {}

  /** The existing files {@code pattern} names, sorted; a plain name gives itself if it exists. */
  static List<Path> expand(Path configDir, String pattern) throws IOException {
    Path full = configDir.resolve(pattern).normalize();
    if (!hasMagic(pattern)) {
      return Files.isRegularFile(full) ? List.of(full) : List.of();
    }
    Path root = full.getRoot() == null ? Path.of("") : full.getRoot();
    List<Path> matches = new ArrayList<>(List.of(root));
    for (Path part : full.subpath(0, full.getNameCount())) {
      matches = step(matches, part.toString());
    }
    return matches.stream().filter(Files::isRegularFile).sorted().toList();
  }

  private static List<Path> step(List<Path> folders, String part) throws IOException {
    List<Path> next = new ArrayList<>();
    for (Path folder : folders) {
      if (!hasMagic(part)) {
        Path child = folder.resolve(part);
        if (Files.exists(child)) {
          next.add(child);
        }
        continue;
      }
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, part)) {
        children.forEach(next::add);
      }
    }
    return next;
  }

  private static boolean hasMagic(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '*', '?', '[', '{' -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }
}
