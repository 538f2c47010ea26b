package io.tabula.ops.asterisk.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an Asterisk configuration file as Asterisk 22's parser does (main/config.c): sections
 * {@code [name]}, templates {@code [name](!)}, inheritance {@code [name](a,b)}, additions to an
 * earlier section {@code [name](+)}, {@code name = value} and {@code name => value}, {@code name +=
 * more}, comments (see {@link CommentStripper}), and {@code #include} / {@code #tryinclude} with
 * globs relative to the configuration folder.
 *
 * <pre>{@code
 * Optional<ConfFile> manager = new ConfReader(Path.of("/etc/asterisk")).read("manager.conf");
 * }</pre>
 *
 * Where Asterisk would reject the file, the reader says so in {@link ConfFile#problems()} and keeps
 * what it read, so that every rule still sees as much as possible.
 */
public final class ConfReader {

  /** Asterisk's own limit on nested includes. */
  private static final int MAX_INCLUDE_DEPTH = 10;

  private final Path configDir;

  public ConfReader(Path configDir) {
    this.configDir = configDir;
  }

  /** Reads {@code name} from the configuration folder; empty when it does not exist. */
  public Optional<ConfFile> read(String name) throws IOException {
    Path file = configDir.resolve(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Load load = new Load();
    CommentStripper comments = new CommentStripper();
    load.file(file, null, 0, comments);
    load.commentProblems(comments);
    return Optional.of(
        new ConfFile(
            name, List.copyOf(load.sections), List.copyOf(load.files), List.copyOf(load.problems)));
  }

  /** The state of one load: what the module would end up with. */
  private final class Load {
    final List<ConfSection> sections = new ArrayList<>();
    final List<Path> files = new ArrayList<>();
    final List<ConfProblem> problems = new ArrayList<>();

    /** Reads one file; {@code current} is the section lines before any header belong to. */
    ConfSection file(Path file, ConfSection current, int depth, CommentStripper comments)
        throws IOException {
      files.add(file);
      String text = new String(bytes(file), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      ConfSection section = current;
      String[] lines = text.split("\n", -1);
      for (int index = 0; index < lines.length; index++) {
        CommentStripper.Kept kept = comments.strip(lines[index], file, index + 1);
        if (kept == null || kept.text().isBlank()) {
          continue;
        }
        ConfLocation where = new ConfLocation(file, index + 1, kept.firstColumn());
        String line = kept.text().strip();
        if (line.startsWith("[")) {
          ConfSection next = header(line, where);
          section = next == null ? section : next;
        } else if (line.startsWith("#")) {
          directive(line, where, section, depth);
        } else {
          entry(line, where, section);
        }
      }
      return section;
    }

    void commentProblems(CommentStripper comments) {
      comments
          .unterminated()
          .ifPresent(
              where ->
                  problems.add(
                      new ConfProblem(
                          where,
                          "block comment ';--' is never closed: the rest is a comment",
                          "close it with '--;'",
                          false)));
      comments
          .strayClose()
          .ifPresent(
              where ->
                  problems.add(
                      new ConfProblem(
                          where,
                          "this '--;' closes no block comment: Asterisk ignores the lines after it",
                          "remove the stray '--;' or open the block with ';--'",
                          false)));
    }

    ConfSection header(String line, ConfLocation where) {
      int close = line.indexOf(']');
      if (close < 0) {
        reject(where, "section header without a closing ']'", "write it as [name]");
        return null;
      }
      String name = line.substring(1, close);
      String options = "";
      if (close + 1 < line.length() && line.charAt(close + 1) == '(') {
        int end = line.indexOf(')', close + 2);
        if (end < 0) {
          reject(where, "section options without a closing ')'", "write them as [name](options)");
          return null;
        }
        options = line.substring(close + 2, end);
      }
      return sectionWithOptions(name, options, where);
    }

    ConfSection sectionWithOptions(String name, String options, ConfLocation where) {
      boolean template = false;
      List<String> bases = new ArrayList<>();
      boolean addition = false;
      for (String option : options.isEmpty() ? new String[0] : options.split(",", -1)) {
        if (option.equals("!")) {
          template = true;
        } else if (option.startsWith("+")) {
          addition = true;
        } else {
          bases.add(option);
        }
      }
      ConfSection section = new ConfSection(name, template, where);
      for (String base : bases) {
        Optional<ConfSection> found = find(base);
        if (found.isEmpty()) {
          reject(
              where,
              "section [" + name + "] inherits from [" + base + "], which is not defined above it",
              "define [" + base + "] (or [" + base + "](!)) earlier, or fix the name");
          return null;
        }
        section.inheritFrom(found.get());
      }
      if (addition) {
        Optional<ConfSection> existing = find(name);
        if (existing.isEmpty()) {
          reject(
              where,
              "[" + name + "](+) adds to a section that is not defined above it",
              "define [" + name + "] first, or drop the '+'");
          return null;
        }
        existing.get().moveEntriesFrom(section);
        return existing.get();
      }
      sections.add(section);
      return section;
    }

    Optional<ConfSection> find(String name) {
      return sections.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    void directive(String line, ConfLocation where, ConfSection current, int depth)
        throws IOException {
      String[] parts = line.substring(1).split("[\\x00-\\x20]", 2);
      String kind = parts[0];
      String argument = parts.length > 1 ? parts[1].strip() : "";
      boolean optional = kind.equalsIgnoreCase("tryinclude");
      if (kind.equalsIgnoreCase("exec")) {
        problems.add(
            new ConfProblem(
                where,
                "#exec output cannot be checked here (and needs execincludes = yes)",
                "run the program and lint its output as a file of its own",
                false));
        return;
      }
      if (!optional && !kind.equalsIgnoreCase("include")) {
        problems.add(
            new ConfProblem(
                where, "unknown directive '#" + kind + "'", "use #include or #tryinclude", false));
        return;
      }
      if (argument.isEmpty()) {
        problems.add(
            new ConfProblem(
                where, "#" + kind + " needs a file name", "write #" + kind + " file.conf", false));
        return;
      }
      includeFiles(unquote(argument), optional, where, current, depth);
    }

    void includeFiles(
        String name, boolean optional, ConfLocation where, ConfSection current, int depth)
        throws IOException {
      if (depth >= MAX_INCLUDE_DEPTH) {
        reject(where, "includes nest deeper than 10 files", "remove the include loop");
        return;
      }
      List<Path> matches = IncludeGlob.expand(configDir, name);
      if (matches.isEmpty() && !optional) {
        reject(
            where,
            "#include " + name + " names no file (relative names are read from " + configDir + ")",
            "create the file, fix the name, or use #tryinclude for an optional file");
      }
      ConfSection section = current;
      CommentStripper comments = new CommentStripper();
      for (Path match : matches) {
        section = file(match, section, depth + 1, comments);
      }
      commentProblems(comments);
    }

    void entry(String line, ConfLocation where, ConfSection section) {
      if (section == null) {
        reject(where, "a setting before the first [section]", "put it under a [section] header");
        return;
      }
      int escaped = line.charAt(0) == '\\' ? 1 : 0;
      String body = line.substring(escaped);
      int equals = body.indexOf('=', escaped);
      if (equals < 0) {
        problems.add(
            new ConfProblem(
                where, "no '=' on this line: Asterisk ignores it", "write name = value", false));
        return;
      }
      if (equals > escaped && body.charAt(equals - 1) == '+') {
        String name = body.substring(0, equals - 1).strip();
        if (section.append(name, body.substring(equals + 1))) {
          return;
        }
        add(section, name, body.substring(equals + 1), false, where);
        return;
      }
      boolean object = equals + 1 < body.length() && body.charAt(equals + 1) == '>';
      String value = body.substring(equals + (object ? 2 : 1));
      add(section, body.substring(0, equals).strip(), value, object, where);
    }

    void add(ConfSection section, String name, String value, boolean object, ConfLocation where) {
      if (name.isEmpty()) {
        problems.add(new ConfProblem(where, "no name before '='", "write name = value", false));
        return;
      }
      section.add(new ConfEntry(name, value.strip(), object, false, where));
    }

    void reject(ConfLocation where, String what, String fix) {
      problems.add(new ConfProblem(where, what + "; Asterisk rejects the whole file", fix, true));
    }
  }

  /** The file's bytes; any failure names the file, so the report can say which one. */
  private static byte[] bytes(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw new FileSystemException(file.toString(), null, "not a readable file");
    }
  }

  /** Strips the quotes or angle brackets around an include's file name. */
  private static String unquote(String name) {
    char first = name.charAt(0);
    char close = first == '<' ? '>' : first;
    if ((first == '"' || first == '<')
        && name.length() > 1
        && name.charAt(name.length() - 1) == close) {
      return name.substring(1, name.length() - 1);
    }
    return name;
  }
}
