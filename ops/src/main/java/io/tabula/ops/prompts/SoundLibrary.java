package io.tabula.ops.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Sound files found and decoded where Asterisk finds them ({@link PromptCheck}'s rule: {@code
 * <dir>/<lang>/<name>.<format>}, then {@code <dir>/<name>.<format>}), as mono 8 kHz samples in [-1,
 * 1]. Formats in Asterisk's order of preference for a narrowband call: {@code wav} and {@code sln}
 * are read in Java; {@code gsm}, {@code ulaw} and {@code alaw} (Debian's core sounds are GSM) are
 * decoded by {@code sox}, which says so when it is not installed.
 *
 * <pre>{@code
 * SoundLibrary sounds = new SoundLibrary(List.of(Path.of("sounds"), Path.of("/usr/share/asterisk/sounds")));
 * float[] forty = sounds.samples("digits/40", "en");
 * }</pre>
 */
public final class SoundLibrary {

  /** Where Debian's {@code asterisk-core-sounds-*} packages install the core sounds. */
  public static final Path DEBIAN_CORE_SOUNDS = Path.of("/usr/share/asterisk/sounds");

  private static final List<String> FORMATS = List.of("wav", "sln", "gsm", "ulaw", "alaw");

  private final List<Path> dirs;

  /** Decoded sounds by file: a call says digits/4 many times, and sox is a process per file. */
  private final java.util.Map<Path, float[]> decoded =
      new java.util.concurrent.ConcurrentHashMap<>();

  public SoundLibrary(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  public List<Path> dirs() {
    return dirs;
  }

  /** A sound that is in none of the folders, or cannot be decoded; the message says what to do. */
  public static final class SoundException extends Exception {
    private static final long serialVersionUID = 1L;

    SoundException(String message) {
      super(message);
    }

    SoundException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The file Asterisk would play for {@code name} in {@code language}, if any. */
  public Optional<Path> find(String name, String language) {
    for (Path dir : dirs) {
      for (Path base : List.of(dir.resolve(language).resolve(name), dir.resolve(name))) {
        for (String format : FORMATS) {
          Path file = base.resolveSibling(base.getFileName() + "." + format);
          if (Files.isRegularFile(file)) {
            return Optional.of(file);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The samples of {@code name} said in {@code language}. */
  public float[] samples(String name, String language) throws SoundException {
    Path file =
        find(name, language)
            .orElseThrow(
                () ->
                    new SoundException(
                        "no sound file for "
                            + name
                            + " ("
                            + language
                            + ") in "
                            + dirs
                            + " (looked for "
                            + language
                            + "/"
                            + name
                            + ".wav, .sln, .gsm, ...)"));
    float[] known = decoded.get(file);
    if (known != null) {
      return known.clone();
    }
    float[] samples = decode(file);
    decoded.put(file, samples);
    return samples.clone();
  }

  private static float[] decode(Path file) throws SoundException {
    String fileName = file.getFileName().toString();
    String format = fileName.substring(fileName.lastIndexOf('.') + 1);
    try {
      return switch (format) {
        case "wav" -> TelephonyAudio.read(Files.readAllBytes(file), file.toString());
        case "sln" -> linear(Files.readAllBytes(file));
        default -> linear(sox(file, format));
      };
    } catch (TelephonyAudio.UnreadableAudioException e) {
      throw new SoundException(e.getMessage(), e);
    } catch (IOException e) {
      throw new SoundException(
          file + " could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** 16-bit signed little-endian samples at 8 kHz, as {@code .sln} holds them. */
  private static float[] linear(byte[] pcm) {
    ByteBuffer bytes = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    float[] samples = new float[pcm.length / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = bytes.getShort() / 32768f;
    }
    return samples;
  }

  /** Decodes a headerless Asterisk format with sox into 8 kHz 16-bit mono samples. */
  private static byte[] sox(Path file, String format) throws SoundException, IOException {
    String type = format.equals("ulaw") ? "ul" : format.equals("alaw") ? "al" : format;
    ProcessBuilder builder =
        new ProcessBuilder(
                "sox",
                "-t",
                type,
                "-r",
                "8000",
                "-c",
                "1",
                file.toString(),
                "-t",
                "raw",
                "-e",
                "signed-integer",
                "-b",
                "16",
                "-L",
                "-")
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Process sox;
    try {
      sox = builder.start();
    } catch (IOException e) {
      throw new SoundException(
          file
              + " is "
              + format
              + ", which sox decodes, and sox is not installed; install it (apt-get install sox)"
              + " or install the core sounds as WAV (asterisk-core-sounds-en-wav)",
          e);
    }
    byte[] pcm;
    try (InputStream out = sox.getInputStream()) {
      pcm = out.readAllBytes();
    }
    try {
      if (sox.waitFor() != 0) {
        throw new SoundException(file + " could not be decoded by sox; check that it is " + format);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SoundException("interrupted while sox decoded " + file, e);
    }
    return pcm;
  }
}
