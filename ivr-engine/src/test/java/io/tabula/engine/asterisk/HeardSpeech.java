package io.tabula.engine.asterisk;

import io.tabula.flows.port.NumberGender;
import io.tabula.flows.say.AsteriskSay;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What a caller heard, checked without a speech recogniser: the sound files Asterisk says it played
 * ({@code Playing 'digits/40.gsm' (language 'es')} on its console), and the speech segments of a
 * recording found by energy (20 ms frames louder than -40 dBFS, pauses under 250 ms bridged, blips
 * under 80 ms dropped). The same segmenter runs on the played files laid end to end (sox), so the
 * two line up when the recording holds exactly those files' speech.
 *
 * <pre>{@code
 * List<String> played = HeardSpeech.played(consoleSince);       // [tabula/city/ab12.wav, ...]
 * List<HeardSpeech.Segment> heard = HeardSpeech.spans(HeardSpeech.pcm(recording));
 * }</pre>
 */
final class HeardSpeech {

  private static final int RATE = 8000;
  private static final int FRAME = RATE / 50;
  private static final double THRESHOLD = 32768 * Math.pow(10, -40 / 20.0);
  private static final int BRIDGE_FRAMES = 12;
  private static final int SHORTEST_FRAMES = 4;
  private static final Pattern PLAYING =
      Pattern.compile("Playing '([^']+)' \\(language '([A-Za-z_]+)'\\)");

  private HeardSpeech() {}

  /** A file Asterisk played: its name with extension and the channel's language. */
  record Played(String name, String language) {
    /** The name without its extension, as the engine asked for it. */
    String sound() {
      return name.replaceFirst("\\.[A-Za-z0-9]+$", "");
    }
  }

  /** Every file Asterisk's console says it played, in order. */
  static List<Played> played(String console) {
    List<Played> played = new ArrayList<>();
    Matcher m = PLAYING.matcher(console);
    while (m.find()) {
      played.add(new Played(m.group(1), m.group(2)));
    }
    return played;
  }

  /** A speech segment: where it starts and ends, in seconds. */
  record Segment(double start, double end) {
    double length() {
      return end - start;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%.2f", length());
    }
  }

  /**
   * Lines the recording's segments up with the played files' from the end (where the recording is
   * surely not muted): each heard segment must span a run of consecutive expected segments within
   * 0.15 s (two segments whose pause is near the 250 ms bridge may be heard as one), every expected
   * segment is used once, and only the first and last heard segments may be shorter (a mute that
   * still covered the start; a recording closed at hangup a moment before the last word's end).
   * Returns how many expected segments were matched.
   */
  static int lineUp(List<Segment> heard, List<Segment> expected) {
    int k = expected.size() - 1;
    for (int i = heard.size() - 1; i >= 0; i--) {
      double length = heard.get(i).length();
      int j = k;
      boolean matched = false;
      while (j >= 0) {
        double span = expected.get(k).end() - expected.get(j).start();
        boolean cutShort = i == 0 || i == heard.size() - 1;
        if (Math.abs(span - length) <= 0.15 || (cutShort && span >= length - 0.15)) {
          matched = true;
          break;
        }
        if (span > length + 0.15) {
          break;
        }
        j--;
      }
      if (!matched) {
        throw new AssertionError(
            "heard segment "
                + i
                + " ("
                + heard.get(i)
                + " s) spans no run of the played files' segments ending at "
                + k
                + ": heard "
                + heard
                + ", played "
                + expected);
      }
      k = j - 1;
    }
    return expected.size() - 1 - k;
  }

  /** The speech segments of 8 kHz samples. */
  static List<Segment> spans(short[] pcm) {
    int frames = pcm.length / FRAME;
    boolean[] loud = new boolean[frames];
    for (int f = 0; f < frames; f++) {
      double energy = 0;
      for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
        energy += (double) pcm[i] * pcm[i];
      }
      loud[f] = Math.sqrt(energy / FRAME) > THRESHOLD;
    }
    List<Segment> segments = new ArrayList<>();
    int start = -1;
    int lastLoud = -1;
    for (int f = 0; f < frames; f++) {
      if (!loud[f]) {
        continue;
      }
      if (start >= 0 && f - lastLoud > BRIDGE_FRAMES) {
        add(segments, start, lastLoud);
        start = -1;
      }
      if (start < 0) {
        start = f;
      }
      lastLoud = f;
    }
    if (start >= 0) {
      add(segments, start, lastLoud);
    }
    return segments;
  }

  private static void add(List<Segment> segments, int first, int last) {
    if (last - first + 1 >= SHORTEST_FRAMES) {
      segments.add(new Segment(first / 50.0, (last + 1) / 50.0));
    }
  }

  /** The samples after the last run of digital silence of at least {@code seconds}. */
  static short[] afterLastSilence(short[] pcm, double seconds) {
    return Arrays.copyOfRange(pcm, lastSilenceEnd(pcm, seconds), pcm.length);
  }

  /** The samples up to the end of the last run of digital silence of at least {@code seconds}. */
  static short[] untilLastSilenceEnds(short[] pcm, double seconds) {
    return Arrays.copyOf(pcm, lastSilenceEnd(pcm, seconds));
  }

  private static int lastSilenceEnd(short[] pcm, double seconds) {
    int needed = (int) (seconds * RATE);
    int run = 0;
    int after = 0;
    for (int i = 0; i < pcm.length; i++) {
      run = pcm[i] == 0 ? run + 1 : 0;
      if (run >= needed) {
        after = i + 1;
      }
    }
    return after;
  }

  /** The files laid end to end, as 8 kHz 16-bit mono samples (sox reads wav and gsm alike). */
  static short[] concatenated(List<Path> files, Path work) throws Exception {
    Path out = work.resolve("expected-" + System.nanoTime() + ".wav");
    List<String> command = new ArrayList<>(List.of("sox"));
    files.forEach(f -> command.add(f.toString()));
    command.addAll(
        List.of("-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", out.toString()));
    Process sox = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(sox.getInputStream().readAllBytes());
    if (!sox.waitFor(60, TimeUnit.SECONDS) || sox.exitValue() != 0) {
      throw new IllegalStateException("sox could not join the played files: " + said);
    }
    return pcm(out);
  }

  /** The samples of an 8 kHz 16-bit mono WAV (what MixMonitor writes). */
  static short[] pcm(Path wav) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat format = in.getFormat();
      if (format.getSampleRate() != RATE
          || format.getSampleSizeInBits() != 16
          || format.getChannels() != 1) {
        throw new IOException(wav + " is " + format + ", not 8 kHz 16-bit mono");
      }
      byte[] bytes = in.readAllBytes();
      short[] pcm = new short[bytes.length / 2];
      ByteBuffer.wrap(bytes)
          .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
          .asShortBuffer()
          .get(pcm);
      return pcm;
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(wav + " is not a WAV Java reads", e);
    }
  }

  /**
   * The AGI commands the engine sent, in order, from the Asterisk's {@code AGIExecStart} events
   * (AGI's STREAM FILE and GET DATA log no "Playing" line; SAY does).
   */
  static List<String> agiCommands(List<Map<String, String>> received) {
    return received.stream()
        .filter(m -> "AGIExecStart".equals(m.get("Event")))
        .map(m -> m.getOrDefault("Command", ""))
        .toList();
  }

  /** A file the engine asked for: a prompt it streamed, or one its SAY makes Asterisk play. */
  record Asked(String sound, boolean bySay) {}

  /**
   * The files the engine's commands ask Asterisk to play, the SAY commands expanded by the engine's
   * own model of Asterisk's SAY ({@link AsteriskSay}) in {@code language}.
   */
  static List<Asked> asked(List<String> commands, String language) {
    List<Asked> files = new ArrayList<>();
    for (String command : commands) {
      List<String> words = words(command);
      if (words.size() < 3) {
        continue;
      }
      String verb = words.get(0) + " " + words.get(1);
      String what = words.get(2);
      switch (verb) {
        case "STREAM FILE", "GET DATA" -> files.add(new Asked(what, false));
        case "SAY NUMBER" -> {
          String option = words.size() > 4 ? words.get(4) : "";
          NumberGender gender =
              option.equals("m")
                  ? NumberGender.MASCULINE
                  : option.equals("f") ? NumberGender.FEMININE : NumberGender.NEUTRAL;
          AsteriskSay.number(Long.parseLong(what), gender, language)
              .forEach(f -> files.add(new Asked(f, true)));
        }
        case "SAY DIGITS" -> AsteriskSay.digits(what).forEach(f -> files.add(new Asked(f, true)));
        case "SAY DATETIME" ->
            AsteriskSay.date(
                    Instant.ofEpochSecond(Long.parseLong(what))
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate(),
                    language)
                .forEach(f -> files.add(new Asked(f, true)));
        default -> {}
      }
    }
    return files;
  }

  /** An AGI command line split into words; double quotes keep spaces, backslash escapes. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any || !word.isEmpty()) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
      }
    }
    if (any || !word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /** The file Asterisk finds for {@code sound}: under {@code <sounds>/<language>/}, any format. */
  static Path file(Path sounds, String language, String sound) throws IOException {
    Path base = sounds.resolve(language).resolve(sound);
    try (var siblings = Files.list(base.getParent())) {
      return siblings
          .filter(f -> f.getFileName().toString().startsWith(base.getFileName() + "."))
          .findFirst()
          .orElseThrow(() -> new IOException("no file for " + sound + " in " + language));
    }
  }
}
