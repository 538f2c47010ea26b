package io.tabula.ops.console;

import io.tabula.flows.model.FlowNames;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The console's view of the flow store the engines read ({@link FlowStore}): drafts are the
 * editable files {@code <root>/<tenant>/<flow>.yaml}; published versions are the store's immutable
 * files, which {@code PublishedFlows} in every engine picks up for the next call. Who published a
 * version, when and why is kept beside them in {@code <root>/.console/history/}.
 *
 * <p>Publishing checks the exact text it publishes with {@link DraftCheck} (and the store checks it
 * again), so an invalid draft never becomes a version, whatever request asks for it. A rollback
 * publishes an earlier version's text as the next version: history only grows.
 */
public final class FlowLibrary {

  private static final String CONSOLE = ".console";

  private final Path root;
  private final FlowStore store;
  private final DraftCheck check;
  private final DraftCheck withoutAudio;
  private final Clock clock;

  /** A library that publishes only drafts whose prompts have audio in {@code sounds}. */
  public FlowLibrary(Path root, ConnectorCatalog catalog, Clock clock, ConsoleSounds sounds) {
    this(root, catalog, clock, new DraftCheck(catalog, sounds, root));
  }

  private FlowLibrary(Path root, ConnectorCatalog catalog, Clock clock, DraftCheck check) {
    this.root = root;
    this.store = new FlowStore(root, new FlowCompiler(catalog));
    this.check = check;
    this.withoutAudio = new DraftCheck(catalog);
    this.clock = clock;
  }

  public Path root() {
    return root;
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
    for (Path tenant : folders(root.resolve(".published"))) {
      for (Path flow : folders(tenant)) {
        names.add(tenant.getFileName() + "/" + flow.getFileName());
      }
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
    Path dir = store.versionsOf(ref.tenant(), ref.flow());
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<PublishedVersion> versions = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files.filter(p -> p.getFileName().toString().matches("[0-9]{6}\\.yaml")).toList()) {
        int number = Integer.parseInt(file.getFileName().toString().substring(0, 6));
        versions.add(describe(ref, number, Files.getLastModifiedTime(file)));
      }
    }
    versions.sort(Comparator.comparingInt(PublishedVersion::number).reversed());
    return versions;
  }

  public Optional<PublishedVersion> latest(FlowRef ref) throws IOException {
    return versions(ref).stream().findFirst();
  }

  public Optional<String> versionText(FlowRef ref, int number) throws IOException {
    Path file = store.versionsOf(ref.tenant(), ref.flow()).resolve(versionFile(number));
    return Files.isRegularFile(file)
        ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
        : Optional.empty();
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
    Path staging = root.resolve(CONSOLE).resolve("publishing");
    Files.createDirectories(staging);
    Path temp = staging.resolve(ref.tenant() + "." + ref.flow() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    try {
      int version = store.publish(temp);
      writeHistory(ref, version, who, note);
      return version;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void writeHistory(FlowRef ref, int version, Account who, String note) throws IOException {
    Path file = historyFile(ref, version);
    Files.createDirectories(file.getParent());
    Properties entry = new Properties();
    entry.setProperty("who", who.name());
    entry.setProperty("when", clock.instant().toString());
    entry.setProperty("note", note == null ? "" : note.strip());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      entry.store(out, null);
    }
  }

  private PublishedVersion describe(FlowRef ref, int number, FileTime modified) throws IOException {
    Path file = historyFile(ref, number);
    if (!Files.isRegularFile(file)) {
      return new PublishedVersion(number, "command line", modified.toInstant(), "");
    }
    Properties entry = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      entry.load(in);
    }
    return new PublishedVersion(
        number,
        entry.getProperty("who", "?"),
        Instant.parse(entry.getProperty("when", modified.toInstant().toString())),
        entry.getProperty("note", ""));
  }

  private Path historyFile(FlowRef ref, int version) {
    return root.resolve(CONSOLE)
        .resolve("history")
        .resolve(ref.tenant())
        .resolve(ref.flow())
        .resolve(String.format(Locale.ROOT, "%06d.properties", version));
  }

  private static String versionFile(int number) {
    return String.format(Locale.ROOT, "%06d.yaml", number);
  }
}
