package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.simulate.KeyScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every {@code tabula} command line in README.md, docs/*.md and docker/README.md parses with the
 * real command line, and every {@code --keys} string they show is in the key syntax ({@code flows
 * simulate} ones are run), so the docs cannot drift from the code again.
 */
class DocsCommandLinesTest {

  private static final Path REPO = Path.of(System.getProperty("tabula.repo.dir", ".."));

  /** A command in a code block: {@code ./tabula ...}, {@code $ tabula ...}, or the image's jar. */
  private static final Pattern IN_BLOCK =
      Pattern.compile(
          "^\\s*(?:\\$\\s+)?(?:[A-Z_]+=\\S+\\s+)*(?:\\./|java -jar \\S*)tabula(?:\\.jar)?\\s(.*)$");

  /**
   * A command in running text: {@code `./tabula audit logs <folder>`}; a subcommand follows, so a
   * limits.conf line such as {@code `tabula - memlock unlimited`} is not taken for one.
   */
  private static final Pattern INLINE = Pattern.compile("`(?:\\./)?tabula ([a-z][^`]*)`");

  /** One command line as the docs show it, and where. */
  record DocCommand(String where, String text, boolean inBlock) {
    @Override
    public String toString() {
      return where + ": tabula " + text;
    }
  }

  static List<DocCommand> commands() throws IOException {
    List<Path> files =
        new ArrayList<>(List.of(REPO.resolve("README.md"), REPO.resolve("docker/README.md")));
    try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<DocCommand> commands = new ArrayList<>();
    for (Path file : files) {
      commands.addAll(inBlocks(file));
      commands.addAll(inline(file));
    }
    return commands;
  }

  private static List<DocCommand> inBlocks(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<DocCommand> found = new ArrayList<>();
    boolean block = false;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith("```")) {
        block = !block;
        continue;
      }
      Matcher command = IN_BLOCK.matcher(lines.get(i));
      if (!block || !command.matches()) {
        continue;
      }
      int first = i;
      StringBuilder text = new StringBuilder(command.group(1));
      while (text.toString().stripTrailing().endsWith("\\") && i + 1 < lines.size()) {
        text.setLength(text.toString().stripTrailing().length() - 1);
        text.append(' ').append(lines.get(++i).strip());
      }
      found.add(new DocCommand(REPO.relativize(file) + ":" + (first + 1), text.toString(), true));
    }
    return found;
  }

  private static List<DocCommand> inline(Path file) throws IOException {
    // Code blocks are blanked line for line, so the line numbers stay the file's.
    String text =
        Pattern.compile("```[\\s\\S]*?```")
            .matcher(Files.readString(file))
            .replaceAll(block -> "\n".repeat((int) block.group().lines().count() - 1));
    List<DocCommand> found = new ArrayList<>();
    Matcher command = INLINE.matcher(text);
    while (command.find()) {
      String line =
          REPO.relativize(file) + ":" + (1 + text.substring(0, command.start()).lines().count());
      found.add(new DocCommand(line, command.group(1).replaceAll("\\s+", " "), false));
    }
    return found;
  }

  /**
   * Synopses ({@code [--dir DIR | --config FILE]}, {@code <tenant>/<flow>}) are no command lines.
   */
  private static boolean isSynopsis(String text) {
    return text.contains("[") || text.contains(" | ") || text.contains("<") || text.contains("...");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void parsesWithTheRealCommandLine(DocCommand command) {
    if (isSynopsis(command.text())) {
      return;
    }
    List<String> args = ShellWords.split(command.text());
    try {
      TabulaCommand.commandLine().parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.MissingParameterException mention) {
      // Running text names a command (`tabula recordings scrub`) without its arguments.
      assertThat(command.inBlock()).as(command + ": " + mention.getMessage()).isFalse();
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(command + ": " + e.getMessage(), e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyKeyStringIsInTheKeySyntaxAndSimulatesRun(DocCommand command) {
    List<String> args = ShellWords.split(command.text());
    int keys = args.indexOf("--keys");
    if (isSynopsis(command.text()) || keys < 0) {
      return;
    }
    KeyScript.parse(args.get(keys + 1));
    if (args.get(0).equals("flows") && args.get(1).equals("simulate")) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status =
          TabulaCommand.commandLine()
              .setOut(new PrintWriter(out))
              .setErr(new PrintWriter(err))
              .execute(args.toArray(String[]::new));
      assertThat(status).as(command + "\n" + err).isZero();
      assertThat(out.toString()).as(command.toString()).contains("IVR:");
    }
  }

  @Test
  void theDocsShowCommandsAndKeysToCheck() throws IOException {
    List<DocCommand> all = commands();
    assertThat(all).hasSizeGreaterThan(40);
    assertThat(all).anyMatch(c -> c.text().contains("--keys"));
    assertThat(all)
        .anyMatch(c -> c.text().startsWith("flows simulate") && c.text().contains("--keys"));
  }

  /** Splits like a POSIX shell: spaces separate words, quotes group them, # starts a comment. */
  static final class ShellWords {
    private ShellWords() {}

    static List<String> split(String line) {
      List<String> words = new ArrayList<>();
      StringBuilder word = new StringBuilder();
      boolean inWord = false;
      char quote = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else {
            word.append(c);
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
          inWord = true;
        } else if (Character.isWhitespace(c)) {
          if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
          }
        } else if (c == '#' && !inWord) {
          break;
        } else {
          word.append(c);
          inWord = true;
        }
      }
      if (inWord) {
        words.add(word.toString());
      }
      return words;
    }
  }
}
