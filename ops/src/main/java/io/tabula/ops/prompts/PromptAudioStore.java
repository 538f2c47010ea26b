package io.tabula.ops.prompts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A sounds folder as the prompt commands write it: {@code
 * <sounds>/<lang>/tabula/<tenant>/<key>.wav} with a {@link Manifest} per tenant folder, read once
 * and written back at the end.
 */
final class PromptAudioStore {

  private final Path sounds;
  private final Map<Path, Manifest> manifests = new HashMap<>();

  PromptAudioStore(Path sounds) {
    this.sounds = sounds;
  }

  /**
   * The folder of a prompt's file, where its manifest is: {@code <lang>/tabula/<tenant>} for a
   * flow's prompt, {@code <lang>/tabula} for the engine's own.
   */
  Path folder(PlayedPrompt prompt) {
    return wav(prompt).getParent();
  }

  /** Where Asterisk finds the prompt in its language: {@code <sounds>/<lang>/<sound>.wav}. */
  Path wav(PlayedPrompt prompt) {
    return sounds.resolve(prompt.language()).resolve(prompt.sound() + ".wav");
  }

  Manifest manifest(PlayedPrompt prompt) throws IOException {
    Path folder = folder(prompt);
    Manifest manifest = manifests.get(folder);
    if (manifest == null) {
      manifest = Manifest.read(folder, prompt.tenant(), prompt.language());
      manifests.put(folder, manifest);
    }
    return manifest;
  }

  /**
   * Records that {@code prompt}'s file was made in {@code voice} from audio hashing to {@code
   * audioHash}.
   */
  void record(PlayedPrompt prompt, String voice, String audioHash) throws IOException {
    String flow = prompt.owner().substring(prompt.owner().indexOf('/') + 1);
    Manifest.Entry entry =
        new Manifest.Entry(
            flow,
            prompt.id(),
            prompt.language(),
            voice,
            prompt.textHash(),
            wav(prompt).getFileName().toString(),
            audioHash);
    manifests.put(folder(prompt), manifest(prompt).with(entry));
  }

  /** Writes every manifest read or changed. */
  void save() throws IOException {
    for (Map.Entry<Path, Manifest> manifest : manifests.entrySet()) {
      manifest.getValue().write(manifest.getKey());
    }
  }
}
