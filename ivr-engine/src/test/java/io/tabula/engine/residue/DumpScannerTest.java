package io.tabula.engine.residue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.engine.residue.DumpScanner.Hits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanners must be able to fail: a card number or an expiry+CVC planted in any encoding, at any
 * alignment, across a buffer boundary, inside a longer run of digits or deep in a file tree is
 * found and counted under its own needle set.
 */
class DumpScannerTest {

  private static final List<KeyedCard> CARDS = PaymentCards.keyed(3, 3, 42);
  private static final KeyedCard CARD = CARDS.getFirst();
  private static final String CONTROL = PaymentCards.controlCodes(1, 43, CARDS).getFirst();

  private final DumpScanner scanner =
      DumpScanner.of(
          List.of(
              Needles.of("cards", CARDS.stream().map(KeyedCard::number).toList()),
              Needles.of("codes", CARDS.stream().map(KeyedCard::expiryThenCvc).toList()),
              Needles.of("control", List.of(CONTROL)),
              Needles.wholeRuns("codes alone", List.of(CARD.expiryThenCvc()))));

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 65_530, 65_531})
  void findsAPlantedCardNumberInEachEncodingAtAnyOffset(int offset) throws IOException {
    assertThat(hits(plant(offset, CARD.number(), StandardCharsets.US_ASCII), "cards"))
        .isEqualTo(new Hits(1, 0, 0));
    assertThat(hits(plant(offset, CARD.number(), StandardCharsets.UTF_16LE), "cards"))
        .isEqualTo(new Hits(0, 1, 0));
    assertThat(hits(plant(offset, CARD.number(), StandardCharsets.UTF_16BE), "cards"))
        .isEqualTo(new Hits(0, 0, 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65_533, 65_534})
  void findsAPlantedExpiryAndCvcInEachEncodingAtAnyOffset(int offset) throws IOException {
    String code = CARD.expiryThenCvc();
    assertThat(hits(plant(offset, code, StandardCharsets.US_ASCII), "codes"))
        .isEqualTo(new Hits(1, 0, 0));
    assertThat(hits(plant(offset, code, StandardCharsets.UTF_16LE), "codes"))
        .isEqualTo(new Hits(0, 1, 0));
    assertThat(hits(plant(offset, code, StandardCharsets.UTF_16BE), "codes"))
        .isEqualTo(new Hits(0, 0, 1));
  }

  /**
   * A core dump is mostly zeros, which the scanner skips a block at a time: plants next to them.
   * Between zero bytes a UTF-16 run reads as both encodings (the zero before a little-endian "4"
   * starts a big-endian "4").
   */
  @ParameterizedTest
  @ValueSource(ints = {2, 65_535, 65_536, 65_537, 131_071})
  void findsAPlantedCardNumberBetweenBlocksOfZeros(int offset) throws IOException {
    assertThat(hits(zerosAround(offset, StandardCharsets.US_ASCII), "cards"))
        .isEqualTo(new Hits(1, 0, 0));
    assertThat(hits(zerosAround(offset, StandardCharsets.UTF_16LE), "cards"))
        .isEqualTo(new Hits(0, 1, 1));
    assertThat(hits(zerosAround(offset, StandardCharsets.UTF_16BE), "cards"))
        .isEqualTo(new Hits(0, 1, 1));
  }

  private static byte[] zerosAround(int offset, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[offset]);
    out.writeBytes(CARD.number().getBytes(charset));
    out.writeBytes(new byte[200_000]);
    return out.toByteArray();
  }

  @Test
  void findsACodeInsideALongerRunOfDigits() throws IOException {
    byte[] bytes = plant(5, "98" + CARD.expiryThenCvc() + "76", StandardCharsets.US_ASCII);

    assertThat(hits(bytes, "codes")).isEqualTo(new Hits(1, 0, 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"US-ASCII", "UTF-16LE", "UTF-16BE"})
  void countsAWholeRunOnlyWhenNoDigitTouchesIt(String encoding) throws IOException {
    Charset charset = Charset.forName(encoding);
    String code = CARD.expiryThenCvc();

    assertThat(hits(plant(3, code, charset), "codes alone").total()).isEqualTo(1);
    assertThat(hits(plant(3, "5" + code, charset), "codes alone").total()).isZero();
    assertThat(hits(plant(3, code + "5", charset), "codes alone").total()).isZero();
    assertThat(hits(code.getBytes(charset), "codes alone").total())
        .as("a run that ends with the input")
        .isEqualTo(1);
  }

  @Test
  void chanceExplainsNothingWhenNoControlCodeTurnsUp() {
    ChanceHits none = new ChanceHits(0, 400_000, 100);

    assertThat(none.expected()).isZero();
    assertThat(none.allowed()).isZero();
  }

  @Test
  void chanceExplainsFewFindsWhenControlCodesTurnUp() {
    // 56 of 400,000 control codes found: 0.014 of 100 keyed codes expected, P(>1) is 1e-4.
    assertThat(new ChanceHits(56, 400_000, 100).allowed()).isEqualTo(1);
    // 4,000 found (1 %): 1 expected; P(>4) = 0.0037, P(>5) = 0.0006.
    assertThat(new ChanceHits(4_000, 400_000, 100).allowed()).isEqualTo(5);
  }

  @Test
  void countsControlCodesApartFromKeyedOnes() throws IOException {
    DumpScanner.Findings findings =
        scanner.scan(new ByteArrayInputStream(plant(9, CONTROL, StandardCharsets.US_ASCII)));

    assertThat(findings.get("control")).isEqualTo(new Hits(1, 0, 0));
    assertThat(findings.get("codes").total()).isZero();
    assertThat(findings.get("cards").total()).isZero();
  }

  @Test
  void findsNothingWhenADigitDiffers() throws IOException {
    String number = CARD.number();
    char last = number.charAt(15);
    String changed = number.substring(0, 15) + (char) (last == '9' ? '0' : last + 1);

    assertThat(hits(plant(3, changed, StandardCharsets.US_ASCII), "cards").total()).isZero();
  }

  @Test
  void findsPlantsDeepInAFileTreeAndNamesTheFiles(@TempDir Path root) throws IOException {
    Path deep = Files.createDirectories(root.resolve("a/b/c")).resolve("cache.bin");
    Path log = root.resolve("app.log");
    Path clean = root.resolve("a/clean.txt");
    Files.write(deep, plant(7, CARD.number(), StandardCharsets.UTF_16LE));
    Files.write(log, plant(100, CARD.expiryThenCvc(), StandardCharsets.US_ASCII));
    Files.writeString(clean, "nothing here but 1234567 and 4111");

    PlaceScan scan = PlaceScan.tree("plants", scanner, List.of(root), path -> false);

    assertThat(scan.files()).isEqualTo(3);
    assertThat(scan.bytes()).isEqualTo(Files.size(deep) + Files.size(log) + Files.size(clean));
    assertThat(scan.findings().get("cards")).isEqualTo(new Hits(0, 1, 0));
    assertThat(scan.findings().get("codes")).isEqualTo(new Hits(1, 0, 0));
    assertThat(scan.filesWithHits()).containsExactlyInAnyOrder(deep, log);
  }

  @Test
  void skipsWhatThePlaceExcludes(@TempDir Path root) throws IOException {
    Path logs = Files.createDirectories(root.resolve("logs"));
    Files.write(logs.resolve("x.log"), plant(0, CARD.number(), StandardCharsets.US_ASCII));

    PlaceScan scan = PlaceScan.tree("root", scanner, List.of(root), p -> p.startsWith(logs));

    assertThat(scan.files()).isZero();
    assertThat(scan.hits("cards")).isZero();
  }

  @Test
  void refusesNeedlesOfMixedLengthOrWithNonDigits() {
    assertThatThrownBy(() -> Needles.of("mixed", List.of("1234567", "123456")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Needles.of("letters", List.of("12a4567")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void drawsPayableDistinctCardsWithDistinctCodes() {
    List<KeyedCard> cards = PaymentCards.keyed(1_000, 100, 7);
    List<String> control = PaymentCards.controlCodes(1_000, 8, cards);

    assertThat(cards).extracting(KeyedCard::number).doesNotHaveDuplicates();
    assertThat(cards)
        .allMatch(c -> c.number().length() == 16 && c.number().startsWith("4"))
        .allMatch(c -> CardNumbers.luhnValid(c.number()))
        .noneMatch(c -> PaymentCards.SIMULATOR_TEST_CARDS.contains(c.number()));
    assertThat(cards.stream().map(KeyedCard::expiryThenCvc).distinct()).hasSize(100);
    assertThat(cards).noneMatch(c -> PaymentCards.isRun(c.expiryThenCvc()));
    assertThat(control)
        .hasSize(1_000)
        .doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(cards.stream().map(KeyedCard::expiryThenCvc).toList());
  }

  private Hits hits(byte[] bytes, String needles) throws IOException {
    return scanner.scan(new ByteArrayInputStream(bytes)).get(needles);
  }

  /** {@code text} in {@code charset} after {@code offset} bytes of 'x', then 'x' bytes again. */
  private static byte[] plant(int offset, String text, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("x".repeat(offset).getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(text.getBytes(charset));
    out.writeBytes("xxxx".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
