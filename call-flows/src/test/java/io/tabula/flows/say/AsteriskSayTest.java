package io.tabula.flows.say;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.port.NumberGender;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The files Asterisk plays and the words the softphones show for them. The expected files are what
 * the real Asterisk 22.10.1 with Debian's core sounds logged ({@code Playing 'digits/40.gsm'
 * (language 'es')}) for the same AGI commands; the words are the packages' transcripts.
 */
class AsteriskSayTest {

  private static final NumberGender N = NumberGender.NEUTRAL;
  private static final LocalDate DUE = LocalDate.of(2026, 12, 15);

  @Test
  void englishNumbersAreTheFilesAsteriskPlaysAndReadAsWritten() {
    // SAY NUMBER 45 "" on an English channel: digits/40, digits/5.
    assertThat(AsteriskSay.number(45, N, "en")).containsExactly("digits/40", "digits/5");
    assertThat(SpokenWords.of(AsteriskSay.number(45, N, "en"), "en")).isEqualTo("forty-five");
    assertThat(SpokenWords.of(AsteriskSay.number(120, N, "en"), "en"))
        .isEqualTo("one hundred twenty");
    assertThat(SpokenWords.of(AsteriskSay.number(2026, N, "en"), "en"))
        .isEqualTo("two thousand twenty-six");
    assertThat(SpokenWords.of(AsteriskSay.number(0, N, "en"), "en")).isEqualTo("zero");
  }

  @Test
  void spanishNumbersFollowAsterisksSpanishGrammar() {
    // Each list is what Asterisk logged for SAY NUMBER on a channel whose language was set to es.
    assertThat(AsteriskSay.number(45, N, "es"))
        .containsExactly("digits/40", "digits/and", "digits/5");
    assertThat(AsteriskSay.number(1, NumberGender.MASCULINE, "es")).containsExactly("digits/1M");
    assertThat(AsteriskSay.number(120, N, "es")).containsExactly("digits/100-and", "digits/20");
    assertThat(AsteriskSay.number(21, NumberGender.MASCULINE, "es")).containsExactly("digits/21");
    assertThat(AsteriskSay.number(100, N, "es")).containsExactly(AsteriskSay.SPANISH_HUNDRED);
    assertThat(AsteriskSay.number(2026, N, "es"))
        .containsExactly("digits/2", "digits/thousand", "digits/26");

    assertThat(SpokenWords.of(AsteriskSay.number(45, N, "es"), "es")).isEqualTo("cuarenta y cinco");
    assertThat(SpokenWords.of(AsteriskSay.number(1, NumberGender.FEMININE, "es"), "es"))
        .isEqualTo("una");
    assertThat(SpokenWords.of(AsteriskSay.number(1500, N, "es"), "es")).isEqualTo("mil quinientos");
    assertThat(SpokenWords.of(AsteriskSay.number(2_000_000, N, "es"), "es"))
        .isEqualTo("dos millones");
    assertThat(SpokenWords.of(AsteriskSay.number(1_000_000, N, "es"), "es")).isEqualTo("un millón");
  }

  @Test
  void datesAreTheEnginesSayDatetimeInEachLanguage() {
    // SAY DATETIME 1797292800 "" "<format>" UTC, as logged by Asterisk.
    assertThat(AsteriskSay.date(DUE, "es"))
        .containsExactly(
            "digits/es-el",
            "digits/day-2",
            "digits/15",
            "digits/es-de",
            "digits/mon-11",
            "digits/es-de",
            "digits/2",
            "digits/thousand",
            "digits/26");
    assertThat(AsteriskSay.date(DUE, "en"))
        .containsExactly(
            "digits/day-2",
            "digits/mon-11",
            "digits/h-15",
            "digits/2",
            "digits/thousand",
            "digits/20",
            "digits/6");
    assertThat(SpokenWords.of(AsteriskSay.date(DUE, "en"), "en"))
        .isEqualTo("Tuesday December fifteenth two thousand twenty-six");
    assertThat(SpokenWords.of(AsteriskSay.date(DUE, "es"), "es"))
        .isEqualTo("el martes quince de diciembre de dos mil veintiséis");
    assertThat(SpokenWords.of(AsteriskSay.date(LocalDate.of(2026, 3, 21), "en"), "en"))
        .isEqualTo("Saturday March twenty-first two thousand twenty-six");
  }

  @Test
  void digitsAreSaidOneByOne() {
    assertThat(SpokenWords.of(AsteriskSay.digits("4205"), "en")).isEqualTo("four two zero five");
    assertThat(SpokenWords.of(AsteriskSay.digits("4205"), "es")).isEqualTo("cuatro dos cero cinco");
  }

  @Test
  void aFileWithoutKnownWordsShowsItsNameNeverNothing() {
    assertThat(SpokenWords.of(List.of("digits/oh-no"), "en")).isEqualTo("[digits/oh-no]");
  }
}
