package io.tabula.flows.run;

import io.tabula.flows.model.Flow;
import io.tabula.flows.port.Prompt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The sound file Asterisk plays for a flow's prompt, named by what the prompt says: {@code
 * tabula/<tenant>/<key>}, where the key is a hash of the language and the text. Asterisk looks for
 * it as {@code <astdatadir>/sounds/<language>/tabula/<tenant>/<key>.wav}; {@code tabula prompts
 * render} and {@code import} write it there, {@code tabula prompts check} and serve's start-up
 * check look for it.
 *
 * <p>Because the name follows the words, a new flow version that edits a prompt plays a new file,
 * while calls still on the old version keep playing the old one; and the engine needs nothing but
 * the flow to name the file (no manifest at call time, so it works where the engine cannot see
 * Asterisk's files).
 *
 * <pre>{@code
 * PromptSound.name("city", "en", "Goodbye.") // "tabula/city/3f0c...": 20 hex digits
 * }</pre>
 */
public final class PromptSound {

  /**
   * The language of flows that declare none, and the one the engine's own prompts are rendered in
   * by default.
   */
  public static final String LANGUAGE = Flow.DEFAULT_LANGUAGE;

  /** The folder, under a language's sounds folder, that holds the tenants' prompt audio. */
  public static final String FOLDER = "tabula";

  private static final int KEY_HEX_DIGITS = 20;

  private PromptSound() {}

  /** The content key of {@code text} said in {@code language}: 20 hex digits of its SHA-256. */
  public static String key(String language, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // A version tag and separators, so "en" + "x" never hashes like "e" + "nx".
      sha.update(("tabula-prompt/1\n" + language + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, KEY_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The name Asterisk plays: {@code tabula/<tenant>/<key>}. */
  public static String name(String tenant, String language, String text) {
    return FOLDER + "/" + tenant + "/" + key(language, text);
  }

  /**
   * The prompt {@code id} of {@code flow} saying {@code text} in the flow's own language, with its
   * sound named by content; a prompt without text (nothing to render) keeps its id as its sound.
   */
  public static Prompt of(Flow flow, String id, String text) {
    return of(flow, flow.language(), id, text);
  }

  /** The prompt {@code id} of {@code flow} saying {@code text} in {@code language}. */
  public static Prompt of(Flow flow, String language, String id, String text) {
    return text.isEmpty()
        ? new Prompt(id, text)
        : new Prompt(id, text, name(flow.tenant(), language, text));
  }

  /**
   * The same prompt played on a call whose channel language is another: Asterisk looks for a
   * relative name under {@code sounds/<channel language>/} and then under {@code sounds/}, so
   * {@code es/tabula/city/<key>} finds the Spanish file from an English call (a language menu says
   * each choice in its own language).
   */
  public static Prompt inOtherLanguage(Prompt prompt, String language) {
    return prompt.sound().startsWith(FOLDER + "/")
        ? new Prompt(prompt.id(), prompt.text(), language + "/" + prompt.sound())
        : prompt;
  }
}
