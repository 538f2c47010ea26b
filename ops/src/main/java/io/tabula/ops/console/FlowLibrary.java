package io.tabula.ops.console;

import io.tabula.flows.model.FlowNames;
import io.tabula.flows.store.DirectoryFlowVersions;
import io.tabula.flows.store.FlowKey;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.store.FlowVersions;
import io.tabula.flows.store.Publication;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.flows.store.VersionText;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The console's view of the flow store the engines read ({@link FlowVersions}: a folder, or the
 * shared store in PostgreSQL): drafts are the editable files {@code <drafts>/<tenant>/<flow>.yaml};
 * published versions are the store's immutable versions, which every engine picks up for the next
 * call. Who published a version, when and why is kept by the store with it.
 *
 * <p>Publishing checks the exact text it publishes with {@link DraftCheck} (and the store checks it
 * again), so an invalid draft never becomes a version, whatever request asks for it. A rollback
 * publishes an earlier version's text as the next version: history only grows.
 */
public final class FlowLibrary {

  private final Path root;
  private final FlowVersions store;
  private final DraftCheck check;
  private final DraftCheck withoutAudio;

  /** A library on the folder store {@code root} (drafts beside the versions), audio checked. */
  public FlowLibrary(Path root, ConnectorCatalog catalog, Clock clock, ConsoleSounds sounds) {
    this(root, directory(root, catalog, clock), catalog, sounds);
  }

  /**
   * A library whose drafts are in {@code drafts} and whose versions are in {@code store} (the
   * PostgreSQL store several engines share), publishing only drafts whose prompts have audio.
   */
  public FlowLibrary(
      Path drafts, FlowVersions store, ConnectorCatalog catalog, ConsoleSounds sounds) {
    this.root = drafts;
    this.store = store;
    this.check = new DraftCheck(catalog, sounds, drafts);
    this.withoutAudio = new DraftCheck(catalog);
  }

  private static FlowVersions directory(Path root, ConnectorCatalog catalog, Clock clock) {
    return new DirectoryFlowVersions(new FlowStore(root, new FlowCompiler(catalog)), clock);
  }

  /** Where the drafts are (for the folder store, also the store). */
  public Path root() {
    return root;
  }

  /** Where the published versions are, for output lines. */
  public String storeDescription() {
    return store.describe();
  }

  public DraftCheck.Result check(FlowRef ref, String text) {
    return check.check(ref, text);
  }

  /**
   * The check without the prompts' audio: what the softphone needs to run a draft, which then shows
   * each prompt without audio itself (a reworded prompt is tried before it is rendered).
   */
  public DraftCheck.Result checkToTry(FlowRef ref, String text) {
    return withoutAudio.check(ref, text);
  }

  /** Every flow that has a draft or a published version, by tenant then name. */
  public List<FlowRef> flows() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    for (Path tenant : folders(root)) {
      try (Stream<Path> files = Files.list(tenant)) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".yaml"))
            .map(n -> n.substring(0, n.length() - ".yaml".length()))
            .filter(FlowNames::isName)
            .forEach(n -> names.add(tenant.getFileName() + "/" + n));
      }
    }
    for (FlowKey published : store.flows()) {
      names.add(published.toString());
    }
    return names.stream().map(n -> n.split("/")).map(p -> new FlowRef(p[0], p[1])).toList();
  }

  private static List<Path> folders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory)
          .filter(p -> FlowNames.isName(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  public Optional<String> draft(FlowRef ref) throws IOException {
    Path file = draftFile(ref);
    return Files.isRegularFile(file)
        ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
        : Optional.empty();
  }

  public void saveDraft(FlowRef ref, String text) throws IOException {
    Path file = draftFile(ref);
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".draft-", ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private Path draftFile(FlowRef ref) {
    return root.resolve(ref.tenant()).resolve(ref.flow() + ".yaml");
  }

  /** The published versions, newest first. */
  public List<PublishedVersion> versions(FlowRef ref) throws IOException {
    return store.history(key(ref)).stream()
        .map(v -> new PublishedVersion(v.number(), v.who(), v.when(), v.note()))
        .toList();
  }

  public Optional<PublishedVersion> latest(FlowRef ref) throws IOException {
    return versions(ref).stream().findFirst();
  }

  public Optional<String> versionText(FlowRef ref, int number) throws IOException {
    return store.read(key(ref), number).map(VersionText::text);
  }

  private static FlowKey key(FlowRef ref) {
    return new FlowKey(ref.tenant(), ref.flow());
  }

  /**
   * Publishes the draft as the next version.
   *
   * @throws PublishRejectedException when the draft has an error; nothing is published
   */
  public synchronized int publish(FlowRef ref, Account who, String note)
      throws IOException, PublishRejectedException {
    String text =
        draft(ref)
            .orElseThrow(
                () ->
                    new PublishRejectedException(
                        List.of(
                            new io.tabula.flows.model.Diagnostic(
                                new io.tabula.flows.model.SourcePos(ref + ".yaml", 1, 1),
                                "there is no draft of " + ref,
                                "open the editor and save a draft first"))));
    return publishText(ref, text, who, note);
  }

  /** Publishes the text of an earlier version as the next version. */
  public synchronized int rollback(FlowRef ref, int number, Account who)
      throws IOException, PublishRejectedException {
    String text =
        versionText(ref, number)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "version "
                            + number
                            + " of "
                            + ref
                            + " does not exist; pick one from the history"));
    return publishText(ref, text, who, "rolled back to version " + number);
  }

  private int publishText(FlowRef ref, String text, Account who, String note)
      throws IOException, PublishRejectedException {
    DraftCheck.Result result = check(ref, text);
    if (!result.ok()) {
      throw new PublishRejectedException(result.problems());
    }
    return store.publish(draftFile(ref).toString(), text, new Publication(who.name(), note));
  }
}
