package io.tabula.ops.prompts;

import java.util.List;

/**
 * The text-to-speech engines Debian packages, best voice first (docs/prompts.md compares them).
 * Festival with the HTS voice {@code cmu_us_slt_arctic_hts} is the default: a statistical
 * parametric voice trained on a recorded speaker, the most natural of the three.
 */
enum BuiltInEngine {
  FESTIVAL(
      new SpeechEngine(
          "festival:cmu_us_slt_arctic_hts",
          List.of(
              "text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", "-o", "{wav}", "{text-file}"),
          List.of("en"),
          List.of(
              new SpeechEngine.Requirement("text2wave", "festival"),
              new SpeechEngine.Requirement(
                  "/usr/share/festival/voices/us/cmu_us_slt_arctic_hts", "festvox-us-slt-hts")))),
  FLITE(
      new SpeechEngine(
          "flite:slt",
          List.of("flite", "-voice", "slt", "-f", "{text-file}", "-o", "{wav}"),
          List.of("en"),
          List.of(new SpeechEngine.Requirement("flite", "flite")))),
  ESPEAK_NG(
      new SpeechEngine(
          "espeak-ng:{lang}",
          List.of("espeak-ng", "-v", "{lang}", "-w", "{wav}", "-f", "{text-file}"),
          List.of(),
          List.of(new SpeechEngine.Requirement("espeak-ng", "espeak-ng")))),
  /**
   * Spanish: espeak-ng's Latin American voice {@code es-419} (seseo, as Asterisk's Mexican Spanish
   * core sounds speak); Debian packages no Spanish Festival voice (docs/prompts.md compares).
   */
  ESPEAK_NG_SPANISH(
      new SpeechEngine(
          "espeak-ng:es-419",
          List.of("espeak-ng", "-v", "es-419", "-w", "{wav}", "-f", "{text-file}"),
          List.of("es"),
          List.of(new SpeechEngine.Requirement("espeak-ng", "espeak-ng"))));

  /**
   * The default voice for a language the chosen engine does not speak: Spanish for the default
   * Festival, which speaks English only.
   */
  static java.util.Optional<SpeechEngine> defaultFor(String language) {
    return language.equals("es") || language.startsWith("es_")
        ? java.util.Optional.of(ESPEAK_NG_SPANISH.engine())
        : java.util.Optional.empty();
  }

  private final SpeechEngine engine;

  BuiltInEngine(SpeechEngine engine) {
    this.engine = engine;
  }

  SpeechEngine engine() {
    return engine;
  }

  /** The name on the command line: {@code festival}, {@code flite}, {@code espeak-ng}. */
  String spelling() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  static BuiltInEngine parse(String name) {
    for (BuiltInEngine engine : values()) {
      if (engine != ESPEAK_NG_SPANISH && engine.spelling().equals(name)) {
        return engine;
      }
    }
    throw new IllegalArgumentException(
        "unknown engine '" + name + "'; use festival, flite or espeak-ng, or --engine-command");
  }
}
