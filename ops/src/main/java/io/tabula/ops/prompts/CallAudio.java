package io.tabula.ops.prompts;

import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.ExecResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.say.AsteriskSay;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A simulated call as one 8 kHz WAV an ops person can listen to: each prompt's audio in order, the
 * core sounds Asterisk would play for {@code SAY NUMBER/DIGITS/DATE} ({@link AsteriskSay}), a DTMF
 * pair for each key the caller pressed and silence where the caller said nothing. A key of a secure
 * collect is a neutral beep ({@link Tones#secureBeep}): the file holds how many card digits were
 * keyed, never which. It listens to the call as a {@link CallPort} in front of the simulator's.
 *
 * <pre>{@code
 * CallAudio audio = new CallAudio();
 * simulator.run(flow, keys, transcript, audio::listenTo);
 * audio.write(Path.of("call.wav"), new SoundLibrary(List.of(Path.of("sounds"))));
 * }</pre>
 */
public final class CallAudio {

  /** The longest silence written for a caller who keys nothing, so the file stays listenable. */
  private static final long MAX_SILENCE_MILLIS = 3000;

  private static final long KEY_LEAD_MILLIS = 200;

  /** How flows' prompts are named ({@code tabula/<tenant>/<key>}), unlike core sounds. */
  private static final String PROMPT_PREFIX = io.tabula.flows.run.PromptSound.FOLDER + "/";

  /** One thing heard on the call, in order. */
  sealed interface Part {}

  /** A sound file Asterisk plays ({@code STREAM FILE}, or one file of a {@code SAY}). */
  record Sound(String name, String language, String label) implements Part {}

  /** A key that is no secret: a menu choice or a digit of a non-secure collect. */
  record Key(char key) implements Part {}

  /** A key of a secure collect: counted, never named. */
  record SecureKey() implements Part {}

  record Pause(long millis) implements Part {}

  private final List<Part> parts = new ArrayList<>();

  /** What was heard so far, for tests. */
  List<Part> parts() {
    return List.copyOf(parts);
  }

  /** {@code port}, with everything heard on it noted here. */
  public CallPort listenTo(CallPort port) {
    return new Listening(port);
  }

  /**
   * Writes the call to {@code target} as 8 kHz 16-bit mono WAV (beside it, then moved in place).
   *
   * @throws SoundLibrary.SoundException naming the first prompt or core sound without a file
   */
  public void write(Path target, SoundLibrary sounds)
      throws IOException, SoundLibrary.SoundException {
    List<float[]> pieces = new ArrayList<>();
    for (Part part : parts) {
      pieces.add(
          switch (part) {
            case Sound sound -> samples(sounds, sound);
            case Key key -> Tones.dtmf(key.key());
            case SecureKey secure -> Tones.secureBeep();
            case Pause pause -> Tones.silence(pause.millis());
          });
    }
    writeWav(pieces, target);
  }

  private static float[] samples(SoundLibrary sounds, Sound sound)
      throws SoundLibrary.SoundException {
    try {
      return sounds.samples(sound.name(), sound.language());
    } catch (SoundLibrary.SoundException e) {
      throw new SoundLibrary.SoundException(
          sound.label()
              + ": "
              + e.getMessage()
              + (sound.name().startsWith(PROMPT_PREFIX)
                  ? "; make it with tabula prompts render --sounds DIR"
                  : "; install Asterisk's core sounds (apt-get install asterisk-core-sounds-"
                      + sound.language()
                      + "-gsm) or pass their folder with --sounds"),
          e);
    }
  }

  private static void writeWav(List<float[]> pieces, Path target) throws IOException {
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
    AudioFormat format = new AudioFormat(TelephonyAudio.RATE, 16, 1, true, false);
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(pcm), format, length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, partial.toFile());
    }
    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
  }

  private void say(String language, String label, List<String> files) {
    files.forEach(file -> parts.add(new Sound(file, language, label + " " + file)));
  }

  private void pause(Duration timeout) {
    parts.add(new Pause(Math.min(MAX_SILENCE_MILLIS, timeout.toMillis())));
  }

  private void key(KeyPress key) {
    if (key.pressed()) {
      parts.add(new Pause(KEY_LEAD_MILLIS));
      parts.add(new Key(key.key()));
    }
  }

  /** The simulator's port, with each thing it plays or hears noted. */
  private final class Listening implements CallPort {
    private final CallPort port;
    // The channel's language: where Asterisk looks for sounds and whose SAY rules it follows.
    private String language;

    Listening(CallPort port) {
      this.port = port;
      this.language = port.info().language();
    }

    @Override
    public CallInfo info() {
      return port.info();
    }

    @Override
    public CallMemory memory() {
      return port.memory();
    }

    private void prompt(Prompt prompt) {
      if (!prompt.text().isEmpty()) {
        parts.add(
            new Sound(prompt.sound(), language, "prompt '" + prompt.id() + "' (" + language + ")"));
      }
    }

    @Override
    public KeyPress play(Prompt prompt, String escapeKeys) {
      prompt(prompt);
      KeyPress key = port.play(prompt, escapeKeys);
      key(key);
      return key;
    }

    @Override
    public CollectResult collect(Prompt prompt, SecretField field, CollectOptions options) {
      prompt(prompt);
      CollectResult result = port.collect(prompt, field, options);
      if (result.digits() == 0 && result.status() == CollectResult.Status.TIMEOUT) {
        pause(options.firstDigitTimeout());
        return result;
      }
      parts.add(new Pause(KEY_LEAD_MILLIS));
      if (options.secure()) {
        for (int i = 0; i < result.digits(); i++) {
          parts.add(new SecureKey());
        }
      } else {
        field.read(
            digits -> {
              for (int i = 0; i < digits.length(); i++) {
                parts.add(new Key((char) digits.digitAt(i)));
              }
              return null;
            });
      }
      if (result.status() == CollectResult.Status.TERMINATED) {
        parts.add(options.secure() ? new SecureKey() : new Key('#'));
      }
      return result;
    }

    @Override
    public void keepRecordingMuted() {
      port.keepRecordingMuted();
    }

    @Override
    public KeyPress waitForKey(Duration timeout) {
      KeyPress key = port.waitForKey(timeout);
      if (key.pressed()) {
        key(key);
      } else {
        pause(timeout);
      }
      return key;
    }

    @Override
    public void setLanguage(String language) {
      port.setLanguage(language);
      this.language = language;
    }

    @Override
    public void sayNumber(long number, NumberGender gender) {
      port.sayNumber(number, gender);
      say(language, "SAY NUMBER", AsteriskSay.number(number, gender, language));
    }

    @Override
    public void sayDigits(String nonSecretDigits) {
      port.sayDigits(nonSecretDigits);
      say(language, "SAY DIGITS", AsteriskSay.digits(nonSecretDigits));
    }

    @Override
    public void sayDate(LocalDate date) {
      port.sayDate(date);
      say(language, "SAY DATETIME", AsteriskSay.date(date, language));
    }

    @Override
    public ExecResult exec(String application, String arguments) {
      return port.exec(application, arguments);
    }

    @Override
    public Optional<String> variable(String name) {
      return port.variable(name);
    }

    @Override
    public void transfer(String queue) {
      port.transfer(queue);
    }

    @Override
    public void hangup() {
      port.hangup();
    }
  }
}
