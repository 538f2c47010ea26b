package io.tabula.ops.console;

import io.tabula.flows.port.Prompt;
import io.tabula.ops.prompts.SoundLibrary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * What the softphone plays: each prompt's rendered sound ({@code tabula/<tenant>/<hash>} in the
 * console's sounds folder, as {@code tabula prompts render} wrote it) and, for {@code SAY
 * NUMBER/DIGITS/DATE}, Asterisk's core sounds, as {@code flows simulate --audio} finds them. A line
 * whose audio is missing says which prompt or core sound lacks a file and the command that makes
 * it; the page shows that instead of a player, so nothing is silent without a reason.
 *
 * <p>The browser gets each line as one 8 kHz 16-bit PCM WAV, whatever the file's format (sox
 * decodes GSM and the other headerless formats, as for the simulator).
 */
final class SoftphoneAudio {

  /**
   * The sound files of one line of the transcript, in {@code language}, or why there is none.
   *
   * @param missing empty when every file exists; otherwise what is missing and how to make it
   */
  record Clip(String language, List<String> files, String missing) {
    boolean playable() {
      return missing.isEmpty() && !files.isEmpty();
    }
  }

  private final SoundLibrary sounds;
  private final boolean hasPromptFolder;
  private final String promptFolder;

  /** Audio from {@code promptDirs} (the console's {@code --sounds}) and Debian's core sounds. */
  SoftphoneAudio(List<Path> promptDirs) {
    List<Path> dirs = new ArrayList<>(promptDirs);
    if (Files.isDirectory(SoundLibrary.DEBIAN_CORE_SOUNDS)) {
      dirs.add(SoundLibrary.DEBIAN_CORE_SOUNDS);
    }
    this.sounds = new SoundLibrary(dirs);
    this.hasPromptFolder = !promptDirs.isEmpty();
    this.promptFolder = promptDirs.isEmpty() ? "DIR" : promptDirs.getFirst().toString();
  }

  /** A prompt as the flow plays it in {@code language}, for the draft in {@code flowFile}. */
  Clip prompt(Prompt prompt, String language, String flowFile) {
    String sound = prompt.sound();
    if (!hasPromptFolder) {
      return new Clip(
          language,
          List.of(sound),
          "no audio: the console has no sounds folder; restart tabula console with --sounds DIR"
              + " (where tabula prompts render --sounds DIR wrote)");
    }
    if (sounds.find(sound, language).isEmpty()) {
      return new Clip(
          language,
          List.of(sound),
          "no audio: prompt '"
              + prompt.id()
              + "' ("
              + language
              + ") has no sound file yet; make it with tabula prompts render --sounds "
              + promptFolder
              + " --flows "
              + flowFile);
    }
    return new Clip(language, List.of(sound), "");
  }

  /** What Asterisk says for a {@code SAY} command: its core sound files, in {@code language}. */
  Clip say(List<String> files, String language) {
    for (String file : files) {
      if (sounds.find(file, language).isEmpty()) {
        return new Clip(
            language,
            files,
            "no audio: Asterisk's core sound "
                + file
                + " ("
                + language
                + ") is not installed; apt-get install asterisk-core-sounds-"
                + language
                + "-gsm, or pass its folder with --sounds");
      }
    }
    return new Clip(language, files, "");
  }

  /**
   * The clip as one WAV file.
   *
   * @throws SoundLibrary.SoundException when a file vanished or cannot be decoded
   */
  byte[] wav(Clip clip) throws SoundLibrary.SoundException, IOException {
    List<float[]> pieces = new ArrayList<>();
    for (String file : clip.files()) {
      pieces.add(sounds.samples(file, clip.language()));
    }
    int length = pieces.stream().mapToInt(p -> p.length).sum();
    byte[] pcm = new byte[length * 2];
    int at = 0;
    for (float[] piece : pieces) {
      for (float sample : piece) {
        int value = Math.round(Math.max(-1f, Math.min(1f, sample)) * 32767f);
        pcm[at++] = (byte) value;
        pcm[at++] = (byte) (value >> 8);
      }
    }
    AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 44);
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(pcm), format, length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
    }
    return out.toByteArray();
  }
}
