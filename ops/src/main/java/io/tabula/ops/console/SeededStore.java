package io.tabula.ops.console;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A new flow store with the shipped flows, what {@code tabula console} starts on without {@code
 * --store}.
 *
 * <pre>{@code
 * SeededStore seeded = SeededStore.seed(work.resolve("flows"), connectors, clock, sounds);
 * seeded.awaitingAudio();   // the flows to render prompts for, then publish
 * }</pre>
 *
 * @param awaitingAudio the flows kept as drafts, because their prompts have no audio in the
 *     console's sounds folder
 */
public record SeededStore(Path root, List<FlowRef> awaitingAudio) {

  /**
   * The shipped flows as drafts, each published as version 1 through the check every publish passes
   * ({@link FlowLibrary#publish}, as {@code flows publish}): one whose prompts have no audio in
   * {@code sounds} stays a draft, named in {@link #awaitingAudio}, and goes live once it is
   * rendered and published.
   *
   * @throws IllegalStateException when a shipped flow does not validate (a broken build)
   */
  public static SeededStore seed(
      Path root, Connectors connectors, Clock clock, ConsoleSounds sounds) throws IOException {
    FlowLibrary library = new FlowLibrary(root, ConnectorCatalog.of(connectors), clock, sounds);
    Account seed = Account.system("tabula console (shipped flows)");
    List<FlowRef> awaitingAudio = new ArrayList<>();
    for (String name : ShippedFlowFiles.names()) {
      String[] parts = name.replaceFirst("\\.yaml$", "").split("/");
      FlowRef ref = new FlowRef(parts[0], parts[1]);
      String text = ShippedFlowFiles.read(name).orElseThrow();
      library.saveDraft(ref, text);
      if (!library.checkToTry(ref, text).ok()) {
        throw new IllegalStateException(
            "the shipped flow " + name + " does not validate; run tabula flows validate flows/");
      }
      try {
        library.publish(ref, seed, "the shipped flow");
      } catch (PublishRejectedException e) {
        // It validates: only its prompts' audio is missing.
        awaitingAudio.add(ref);
      }
    }
    return new SeededStore(root, List.copyOf(awaitingAudio));
  }
}
