package io.tabula.engine.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where {@code tabula serve} looks, at start-up, for the sound file of every prompt it may play.
 *
 * @param soundsDirs Asterisk's sounds folders ({@code <astdatadir>/sounds}) as this engine sees
 *     them, for example a shared volume; Asterisk finds prompt {@code p} as {@code
 *     <dir>/<lang>/p.*} or {@code <dir>/p.*}
 * @param check what start-up does: {@code required} (default) refuses to start when a prompt has no
 *     file or no folder is set, {@code warn} logs the missing ones and starts, {@code off} says the
 *     engine cannot see Asterisk's files and logs that the check was skipped
 * @param languages the call languages to check ({@code CHANNEL(language)}), default {@code en}
 */
public record PromptsSettings(List<String> soundsDirs, Check check, List<String> languages) {

  /** What start-up does about missing prompt sounds. */
  public enum Check {
    REQUIRED,
    WARN,
    OFF
  }

  public PromptsSettings {
    soundsDirs = List.copyOf(soundsDirs);
    languages = List.copyOf(languages);
    if (languages.isEmpty()) {
      throw new ConfigException("prompts.languages needs at least one language, e.g. en");
    }
  }

  /** From the settings' text: comma-separated folders and languages, and the check's name. */
  static PromptsSettings parse(String dirs, String check, String languages) {
    Check mode;
    try {
      // YAML 1.1 reads a bare "off" as the boolean false.
      String name = check.trim().equals("false") ? "off" : check.trim();
      mode = Check.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("prompts.check must be required, warn or off", e);
    }
    return new PromptsSettings(list(dirs), mode, list(languages));
  }

  /** No check: for embedded engines (demo, tests) whose prompts are not played by an Asterisk. */
  public static PromptsSettings unchecked() {
    return new PromptsSettings(List.of(), Check.OFF, List.of("en"));
  }

  private static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
