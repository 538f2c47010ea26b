package io.tabula.ops.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code flows simulate --audio} and {@code --audio} find a sound and how they decode it
 * (which core sounds a SAY plays is call-flows' {@code AsteriskSayTest}).
 */
class SoundLibraryTest {

  @Test
  void aSoundIsFoundInItsLanguageFolderThenWithoutOneWavBeforeGsm(@TempDir Path dir)
      throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    sln(second.resolve("en/digits/5.sln"), 10);
    sln(first.resolve("beep.sln"), 20);
    Files.createDirectories(first.resolve("en/digits"));
    Files.write(first.resolve("en/digits/4.gsm"), new byte[33]);
    Wavs.write(first.resolve("en/digits/4.wav"), new float[80], 8000, 16, 1);
    SoundLibrary sounds = new SoundLibrary(List.of(first, second));

    assertThat(sounds.find("digits/4", "en")).contains(first.resolve("en/digits/4.wav"));
    assertThat(sounds.samples("digits/4", "en")).hasSize(80);
    assertThat(sounds.samples("digits/5", "en")).hasSize(10);
    assertThat(sounds.samples("beep", "es")).hasSize(20);
    assertThatThrownBy(() -> sounds.samples("digits/6", "en"))
        .isInstanceOf(SoundLibrary.SoundException.class)
        .hasMessageContaining("no sound file for digits/6 (en) in [" + first + ", " + second + "]");
  }

  @Test
  void debiansGsmCoreSoundsAreDecodedBySox() throws Exception {
    Path core = SoundLibrary.DEBIAN_CORE_SOUNDS;
    assumeTrue(
        Files.isRegularFile(core.resolve("en/digits/40.gsm")),
        "Asterisk's core sounds: apt-get install asterisk-core-sounds-en-gsm");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/sox")), "sox decodes GSM: apt-get install sox");
    float[] forty = new SoundLibrary(List.of(core)).samples("digits/40", "en");

    // GSM frames are 20 ms (33 bytes) of 160 samples.
    assertThat(forty.length).isEqualTo(Files.size(core.resolve("en/digits/40.gsm")) / 33 * 160);
    assertThat(TelephonyAudio.speechLevel(forty)).isBetween(-30.0, -10.0);
  }

  private static void sln(Path file, int samples) throws Exception {
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort((short) 1000);
    }
    Files.createDirectories(file.getParent());
    Files.write(file, pcm.array());
  }
}
