package io.tabula.ops.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code manifest.json} beside a tenant's prompt audio ({@code <sounds>/<lang>/tabula/<tenant>/}):
 * which flow's which prompt each file says, in which voice. Operators read it to see what a file
 * is; render reads it to skip audio that is already there in the same voice, and to keep a studio
 * recording rather than replace it with text-to-speech.
 *
 * @param tenant the tenant whose folder this is
 * @param language the language folder it sits in
 * @param entries one per prompt of a flow (several prompts may share one file: same words)
 */
public record Manifest(String tenant, String language, List<Entry> entries) {

  /** The file's name in the tenant's folder. */
  public static final String FILE = "manifest.json";

  /** The voice recorded for imported studio recordings. */
  public static final String STUDIO = "studio";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One prompt's audio.
   *
   * @param flow the flow ({@code parking-ticket})
   * @param prompt the prompt's id in it
   * @param language its language
   * @param voice what made the audio: an engine and voice ({@code festival:cmu_us_slt_arctic_hts})
   *     or {@code studio}
   * @param textHash the content key of the words ({@code PromptSound.key}), also the file's name
   * @param file the file, relative to the tenant's folder ({@code <textHash>.wav})
   * @param audioHash SHA-256 of what the audio was made from: the engine's output, or for a studio
   *     recording its bytes and the {@code voice: studio} marker
   */
  public record Entry(
      String flow,
      String prompt,
      String language,
      String voice,
      String textHash,
      String file,
      String audioHash) {}

  public Manifest {
    entries = List.copyOf(entries);
  }

  /** The manifest of a tenant's folder, or an empty one. */
  static Manifest read(Path folder, String tenant, String language) throws IOException {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new Manifest(tenant, language, List.of());
    }
    try {
      return JSON.readValue(file.toFile(), Manifest.class);
    } catch (JsonProcessingException e) {
      throw new IOException(
          file + " is not a prompt manifest; move it aside and render again to rebuild it", e);
    }
  }

  /** The voice the file {@code textHash} was last made in, if the manifest knows it. */
  Optional<String> voiceOf(String textHash) {
    return entries.stream().filter(e -> e.textHash().equals(textHash)).map(Entry::voice).findAny();
  }

  /**
   * This manifest with {@code entry} in place of any entry for the same prompt and words; the
   * entries of other words (older flow versions) stay, as their files do. An entry for the same
   * words takes the new voice too, since they share the file.
   */
  Manifest with(Entry entry) {
    List<Entry> kept = new ArrayList<>();
    for (Entry e : entries) {
      boolean samePrompt =
          e.flow().equals(entry.flow())
              && e.prompt().equals(entry.prompt())
              && e.textHash().equals(entry.textHash());
      if (samePrompt) {
        continue;
      }
      kept.add(
          e.textHash().equals(entry.textHash())
              ? new Entry(
                  e.flow(),
                  e.prompt(),
                  e.language(),
                  entry.voice(),
                  e.textHash(),
                  e.file(),
                  entry.audioHash())
              : e);
    }
    kept.add(entry);
    kept.sort(
        Comparator.comparing(Entry::flow)
            .thenComparing(Entry::prompt)
            .thenComparing(Entry::textHash));
    return new Manifest(tenant, language, kept);
  }

  /** Writes it into {@code folder}, replacing the old one in one step. */
  void write(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path partial = folder.resolve(FILE + ".partial");
    JSON.writeValue(partial.toFile(), this);
    Files.move(
        partial,
        folder.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
