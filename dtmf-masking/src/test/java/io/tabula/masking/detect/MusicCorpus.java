package io.tabula.masking.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Synthetic music and call-progress tones from sox's {@code synth}, for measuring how much of a
 * recording that is not DTMF the scrubber mutes. Each piece is one sox run whose effect chains
 * ({@code :}) play one chord or note after another; pieces are kept as 8 kHz raw files under {@code
 * target/}, so a second run only reads them.
 */
final class MusicCorpus {

  /** A kind of music and how it is played. */
  enum Style {
    /** Plucked-string triads and four-note chords, as on hold music. */
    GUITAR_CHORDS,
    /** A square, sawtooth or triangle lead over a plucked bass. */
    LEAD_AND_BASS,
    /** Sine-wave chords of three or four notes with octave doublings, like an organ. */
    ORGAN,
    /** Two pure sine voices: the closest music gets to a dual tone. */
    SINE_DUET,
    /** Ringback, dial, busy and call-waiting tones of several countries. */
    CALL_PROGRESS
  }

  private static final int PIECES_PER_STYLE = 2;

  /**
   * How far from a DTMF frequency a sine counts as on the grid: the scrubber searches 5 % either
   * way, and an 8 ms window cannot tell a sine 5.5 % off from one 5 % off.
   */
  private static final double ON_GRID = 0.06;

  private static final double PIECE_SECONDS = 90;
  private static final String[] LEADS = {"square", "sawtooth", "triangle"};

  private final Path cache;

  MusicCorpus(Path cache) {
    this.cache = cache;
  }

  static boolean soxAvailable() {
    try {
      Process process = new ProcessBuilder("sox", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A piece and how many of its seconds are two sine voices that both fall within 6 % of a DTMF row
   * and column frequency: a dual tone by any measure, which a scrubber must remove.
   */
  record Piece(Style style, Path file, double onGridSeconds) {}

  List<Piece> pieces() throws IOException, InterruptedException {
    Files.createDirectories(cache);
    List<Piece> pieces = new ArrayList<>();
    for (Style style : Style.values()) {
      for (int p = 0; p < PIECES_PER_STYLE; p++) {
        Plan plan = plan(style, p);
        pieces.add(new Piece(style, piece(style, p, plan), plan.onGridSeconds));
      }
    }
    return pieces;
  }

  /** The sox effect chains of a piece, and its seconds of on-grid sine pairs. */
  private static final class Plan {
    final List<String> chains = new ArrayList<>();
    double onGridSeconds;
  }

  private static Plan plan(Style style, int index) {
    SplittableRandom random = new SplittableRandom(style.ordinal() * 100L + index);
    Plan plan = new Plan();
    double seconds = 0;
    while (seconds < PIECE_SECONDS) {
      seconds += segment(style, random, plan);
    }
    return plan;
  }

  private Path piece(Style style, int index, Plan plan) throws IOException, InterruptedException {
    Path raw = cache.resolve(style.name().toLowerCase(Locale.ROOT) + "-" + index + ".sln");
    if (Files.exists(raw)) {
      return raw;
    }
    List<String> chains = plan.chains;
    int voices = style == Style.GUITAR_CHORDS || style == Style.ORGAN ? 4 : 2;
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "sox", "-c", Integer.toString(voices), "-r", "44100", "-n", "-c", "1", "-r", "8000"));
    command.addAll(List.of("-b", "16", "-e", "signed-integer", "-t", "raw"));
    Path partial = cache.resolve(raw.getFileName() + ".part");
    command.add(partial.toString());
    for (String chain : chains.subList(1, chains.size())) {
      command.addAll(List.of(chain.split(" ")));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("sox failed for " + raw.getFileName() + ": " + output);
    }
    Files.move(partial, raw);
    return raw;
  }

  /** Whether the note {@code semitones} from A4 is within 6 % of one of {@code grid}. */
  private static boolean onGrid(double[] grid, int semitones) {
    double hz = 440 * Math.pow(2, semitones / 12.0);
    for (double frequency : grid) {
      if (Math.abs(hz / frequency - 1) <= ON_GRID) {
        return true;
      }
    }
    return false;
  }

  /** Adds one chain (a chord, a note or a cadence) and returns its length in seconds. */
  private static double segment(Style style, SplittableRandom random, Plan plan) {
    List<String> chains = plan.chains;
    double length;
    List<String> voices = new ArrayList<>();
    switch (style) {
      case GUITAR_CHORDS -> {
        length = 0.4 + random.nextDouble() * 1.2;
        int root = random.nextInt(-21, -6);
        int[] shape = random.nextBoolean() ? new int[] {0, 4, 7, 12} : new int[] {0, 3, 7, 10};
        for (int interval : shape) {
          voices.add("pluck %" + (root + interval));
        }
      }
      case LEAD_AND_BASS -> {
        length = 0.12 + random.nextDouble() * 0.4;
        voices.add(LEADS[random.nextInt(LEADS.length)] + " %" + random.nextInt(-5, 16));
        voices.add("pluck %" + random.nextInt(-26, -14));
      }
      case ORGAN -> {
        length = 0.3 + random.nextDouble() * 1.0;
        int root = random.nextInt(-12, 6);
        int[] shape = random.nextBoolean() ? new int[] {0, 4, 7, 12} : new int[] {0, 3, 7, 12};
        for (int interval : shape) {
          voices.add("sine %" + (root + interval));
        }
      }
      case SINE_DUET -> {
        length = 0.15 + random.nextDouble() * 0.5;
        int low = random.nextInt(-10, 8);
        int high = low + random.nextInt(3, 17);
        voices.add("sine %" + low);
        voices.add("sine %" + high);
        if (onGrid(DtmfKey.ROW_HZ, low) && onGrid(DtmfKey.COLUMN_HZ, high)) {
          plan.onGridSeconds += length;
        }
      }
      default -> {
        String[][] cadences = {
          {"2", "sine 440 sine 480", "4"}, // North American ringback
          {"0.4", "sine 400 sine 450", "0.2"}, // UK ringback, first half
          {"3", "sine 350 sine 440", "0"}, // dial tone
          {"0.5", "sine 480 sine 620", "0.5"}, // busy
          {"0.3", "sine 440 sine 440", "1.5"}, // call waiting
          {"1", "sine 425 sine 425", "4"}, // European ringback
          {"0.33", "sine 950 sine 950", "0"}, // special information tone, one after another
          {"0.33", "sine 1400 sine 1400", "0"},
          {"0.33", "sine 1800 sine 1800", "1"}
        };
        String[] cadence = cadences[random.nextInt(cadences.length)];
        chains.add(":");
        chains.add("synth " + cadence[0] + " " + cadence[1] + " gain -n -18 pad 0 " + cadence[2]);
        return Double.parseDouble(cadence[0]) + Double.parseDouble(cadence[2]);
      }
    }
    double gain = -12 - random.nextDouble() * 20;
    chains.add(":");
    chains.add(
        String.format(
            Locale.ROOT,
            "synth %.3f %s fade q 0.01 %.3f 0.03 gain -n %.1f",
            length,
            String.join(" ", voices),
            length,
            gain));
    return length;
  }
}
