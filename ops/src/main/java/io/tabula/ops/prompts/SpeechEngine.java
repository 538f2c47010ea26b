package io.tabula.ops.prompts;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A text-to-speech engine run as a command: a template whose words may hold {@code {text-file}} (a
 * UTF-8 file with the words), {@code {text}} (the words as one argument), {@code {wav}} (where the
 * engine writes a WAV, any rate, bits or channels) and {@code {lang}} (the prompt's language). No
 * shell runs it, so the words never need quoting. The built-in engines are templates too.
 *
 * <pre>{@code
 * SpeechEngine engine = SpeechEngine.command("mytts --lang {lang} --out {wav} {text-file}", "mytts");
 * engine.render("en", "Goodbye.", Path.of("/tmp/goodbye.wav"));
 * }</pre>
 *
 * @param voice what the manifest records as the voice ({@code festival:cmu_us_slt_arctic_hts})
 * @param template the command's words, placeholders included
 * @param languages the languages it speaks; empty for any
 * @param needs files or commands it needs, each with the Debian package that provides it
 */
record SpeechEngine(
    String voice, List<String> template, List<String> languages, List<Requirement> needs) {

  private static final long TIMEOUT_SECONDS = 120;

  /**
   * A command on the PATH or a file the engine needs, and the package that brings it.
   *
   * @param path an absolute path, or a command name looked up on the PATH
   * @param debianPackage what {@code apt-get install} brings it
   */
  record Requirement(String path, String debianPackage) {
    boolean present() {
      if (path.startsWith("/")) {
        return Files.exists(Path.of(path));
      }
      String pathVariable = System.getenv().getOrDefault("PATH", "");
      for (String dir : pathVariable.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, path))) {
          return true;
        }
      }
      return false;
    }
  }

  /** A command couldn't make the audio; the message names the engine and what it said. */
  static final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    RenderException(String message) {
      super(message);
    }
  }

  SpeechEngine {
    template = List.copyOf(template);
    languages = List.copyOf(languages);
    needs = List.copyOf(needs);
  }

  /** An operator's engine from a command template; {@code voice} names it in the manifest. */
  static SpeechEngine command(String template, String voice) {
    List<String> words = words(template);
    if (words.isEmpty() || !template.contains("{wav}")) {
      throw new IllegalArgumentException(
          "--engine-command needs a command that writes {wav}, e.g. 'mytts --out {wav} {text-file}'");
    }
    return new SpeechEngine(voice, words, List.of(), List.of(new Requirement(words.get(0), "")));
  }

  /** What is missing to run it, as the packages to install; empty when it can run. */
  Optional<String> missingPackages() {
    List<String> missing = new ArrayList<>();
    for (Requirement need : needs) {
      if (!need.present()) {
        missing.add(need.debianPackage().isEmpty() ? need.path() : need.debianPackage());
      }
    }
    return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", missing));
  }

  /** The voice as the manifest records it for {@code language}. */
  String voiceFor(String language) {
    return voice.replace("{lang}", language);
  }

  boolean speaks(String language) {
    return languages.isEmpty() || languages.contains(language);
  }

  /** Runs the engine for {@code text}; it writes its WAV to {@code wav}. */
  void render(String language, String text, Path wav) throws IOException, RenderException {
    Path work = wav.toAbsolutePath().getParent();
    Path textFile = Files.writeString(work.resolve("prompt.txt"), text, StandardCharsets.UTF_8);
    Path log = work.resolve("engine.log");
    List<String> command = new ArrayList<>();
    for (String word : template) {
      command.add(
          word.replace("{text-file}", textFile.toString())
              .replace("{wav}", wav.toString())
              .replace("{lang}", language)
              .replace("{text}", text));
    }
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new RenderException(
            voiceFor(language)
                + " took more than "
                + TIMEOUT_SECONDS
                + " s for one prompt; is it stuck?");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new RenderException(voiceFor(language) + " was interrupted");
    }
    if (process.exitValue() != 0 || !Files.isRegularFile(wav) || Files.size(wav) == 0) {
      throw new RenderException(
          voiceFor(language)
              + " exited "
              + process.exitValue()
              + " without writing a WAV; its last words: "
              + lastLine(log));
    }
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return lines.isEmpty() ? "(nothing)" : lines.getLast().strip();
  }

  /** Splits a template into words; single or double quotes keep spaces inside one word. */
  static List<String> words(String template) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : template.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
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
