package io.tabula.masking.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class G711Test {

  @ParameterizedTest
  @EnumSource(names = {"MULAW", "ALAW"})
  void everyCodeDecodesAndEncodesBackToItself(AudioEncoding encoding) {
    byte[] one = new byte[1];
    for (int code = 0; code < 256; code++) {
      short linear = encoding.decode(new byte[] {(byte) code}, 0);
      encoding.encode(linear, one, 0);
      assertThat(encoding.decode(one, 0)).as("code %d", code).isEqualTo(linear);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"MULAW", "ALAW"})
  void encodingStaysWithinOneStepOfTheInput(AudioEncoding encoding) {
    byte[] one = new byte[1];
    for (int sample = -32768; sample <= 32767; sample += 7) {
      encoding.encode((short) sample, one, 0);
      int decoded = encoding.decode(one, 0);
      double allowed = Math.max(40, Math.abs(sample) / 14.0);
      assertThat((double) Math.abs(decoded - sample)).as("sample %d", sample).isLessThan(allowed);
    }
  }

  @ParameterizedTest
  @EnumSource(AudioEncoding.class)
  void zeroEncodesToSilence(AudioEncoding encoding) {
    byte[] bytes = new byte[2];
    encoding.encode((short) 0, bytes, 0);
    assertThat(Math.abs(encoding.decode(bytes, 0))).isLessThanOrEqualTo(8);
  }
}
