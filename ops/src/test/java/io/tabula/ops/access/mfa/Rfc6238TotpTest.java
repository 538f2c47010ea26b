package io.tabula.ops.access.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("PCI DSS 8.4.2 / RFC 6238: TOTP codes match the RFC's Appendix B test vectors")
class Rfc6238TotpTest {

  private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_KEY =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_KEY =
      ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "T={0}: {1} {2} {3}")
  @CsvSource({
    "59,94287082,46119246,90693936",
    "1111111109,07081804,68084774,25091201",
    "1111111111,14050471,67062674,99943326",
    "1234567890,89005924,91819424,93441116",
    "2000000000,69279037,90698825,38618901",
    "20000000000,65353130,77737706,47863826"
  })
  void appendixBVectors(long seconds, String sha1, String sha256, String sha512) {
    long step = Totp.step(Instant.ofEpochSecond(seconds));
    assertThat(eight(Totp.of("HmacSHA1", 8).code(SHA1_KEY, step))).isEqualTo(sha1);
    assertThat(eight(Totp.of("HmacSHA256", 8).code(SHA256_KEY, step))).isEqualTo(sha256);
    assertThat(eight(Totp.of("HmacSHA512", 8).code(SHA512_KEY, step))).isEqualTo(sha512);
  }

  @ParameterizedTest(name = "the 6-digit code at T={0} is the last six digits: {1}")
  @CsvSource({"59,287082", "1111111109,081804", "2000000000,279037"})
  void sixDigitsAreTheLastSixOfTheEightDigitCode(long seconds, String expected) {
    long step = Totp.step(Instant.ofEpochSecond(seconds));
    assertThat("%06d".formatted(Totp.standard().code(SHA1_KEY, step))).isEqualTo(expected);
  }

  private static String eight(int code) {
    return "%08d".formatted(code);
  }
}
