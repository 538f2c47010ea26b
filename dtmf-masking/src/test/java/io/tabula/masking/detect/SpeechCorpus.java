package io.tabula.masking.detect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * About an hour of synthetic speech from espeak-ng: a dozen voices in nine languages, each reading
 * prompts, spoken digits (the classic talk-off trigger) and nonsense words at varied pitch and
 * speed. Batches are made in parallel and kept as 8 kHz raw files under {@code target/}, so a
 * second run only reads them.
 */
final class SpeechCorpus {

  record Voice(String name, String language) {}

  static final List<Voice> VOICES =
      List.of(
          new Voice("en-us+m3", "en"),
          new Voice("en-gb+f2", "en"),
          new Voice("de+m5", "de"),
          new Voice("de+f4", "de"),
          new Voice("fr-fr+f1", "fr"),
          new Voice("es+m1", "es"),
          new Voice("es-419+f3", "es"),
          new Voice("it+m2", "it"),
          new Voice("pt+f5", "pt"),
          new Voice("nl+m4", "nl"),
          new Voice("pl+m6", "pl"),
          new Voice("sv+f2", "sv"));

  private static final int BATCHES_PER_VOICE = 3;

  private final Path cache;

  SpeechCorpus(Path cache) {
    this.cache = cache;
  }

  static boolean espeakAvailable() {
    try {
      Process process =
          new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Makes (or finds) every batch; returns their 8 kHz raw files. */
  List<Path> batches() throws Exception {
    Files.createDirectories(cache);
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<Path>> futures = new ArrayList<>();
      int index = 0;
      for (Voice voice : VOICES) {
        for (int b = 0; b < BATCHES_PER_VOICE; b++) {
          int seed = index++;
          futures.add(pool.submit(() -> batch(voice, seed)));
        }
      }
      List<Path> files = new ArrayList<>();
      for (Future<Path> future : futures) {
        files.add(future.get(10, TimeUnit.MINUTES));
      }
      return files;
    } finally {
      pool.shutdownNow();
    }
  }

  private Path batch(Voice voice, int seed) throws IOException, InterruptedException {
    Path raw = cache.resolve(voice.name().replace('+', '_') + "-" + seed + ".sln");
    if (Files.exists(raw)) {
      return raw;
    }
    SplittableRandom random = new SplittableRandom(seed * 7919L);
    Path wav = cache.resolve(raw.getFileName() + ".wav.tmp");
    Path text = cache.resolve(raw.getFileName() + ".txt");
    Files.writeString(text, SpeechTexts.script(voice.language(), random));
    Process process =
        new ProcessBuilder(
                "espeak-ng",
                "-v",
                voice.name(),
                "-s",
                Integer.toString(140 + random.nextInt(50)),
                "-p",
                Integer.toString(25 + random.nextInt(50)),
                "-w",
                wav.toString(),
                "-f",
                text.toString())
            .redirectErrorStream(true)
            .start();
    process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("espeak-ng failed for voice " + voice.name());
    }
    short[] speech = Resampler.resample(readWav(wav), 22050, 8000);
    ByteBuffer bytes = ByteBuffer.allocate(speech.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asShortBuffer().put(speech);
    Path partial = cache.resolve(raw.getFileName() + ".part");
    Files.write(partial, bytes.array());
    Files.move(partial, raw);
    Files.delete(wav);
    Files.delete(text);
    return raw;
  }

  /** espeak-ng writes 16-bit mono PCM at 22,050 Hz; finds its data chunk. */
  private static short[] readWav(Path wav) throws IOException {
    byte[] all = Files.readAllBytes(wav);
    int at = 12;
    while (at + 8 <= all.length) {
      int size = ByteBuffer.wrap(all, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      if (all[at] == 'd' && all[at + 1] == 'a' && all[at + 2] == 't' && all[at + 3] == 'a') {
        int start = at + 8;
        int length = (size <= 0 || start + size > all.length ? all.length - start : size) / 2;
        short[] samples = new short[length];
        ByteBuffer.wrap(all, start, length * 2)
            .order(ByteOrder.LITTLE_ENDIAN)
            .asShortBuffer()
            .get(samples);
        return samples;
      }
      at += 8 + size + (size & 1);
    }
    throw new IOException("no data chunk in " + wav);
  }

  static short[] readRaw(Path raw) throws IOException {
    byte[] bytes = Files.readAllBytes(raw);
    short[] samples = new short[bytes.length / 2];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    return samples;
  }
}
