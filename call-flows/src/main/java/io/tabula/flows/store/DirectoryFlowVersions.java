package io.tabula.flows.store;

import io.tabula.flows.model.FlowNames;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FlowVersions} in a folder, over {@link FlowStore}: the version files are the store's, and
 * who published each, when and why is kept beside them in {@code <root>/.console/history/} (where
 * the console has always kept it). A version without a history line was placed by an older {@code
 * tabula flows publish}: it shows as {@code command line} at its file's time.
 *
 * <p>Only what {@link FlowStore#publish} writes is read: a tenant or flow folder that is not a name
 * or whose links lead out of the store is skipped with one warning, and a version file linked out
 * of the store is refused ({@link VersionRefusedException}).
 */
public final class DirectoryFlowVersions implements FlowVersions {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryFlowVersions.class);
  private static final String HISTORY = ".console/history";

  private final FlowStore store;
  private final Clock clock;
  private final Set<Path> skipped = ConcurrentHashMap.newKeySet();

  public DirectoryFlowVersions(FlowStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public DirectoryFlowVersions(FlowStore store) {
    this(store, Clock.systemUTC());
  }

  public FlowStore store() {
    return store;
  }

  @Override
  public int publish(String source, String text, Publication by)
      throws IOException, PublishRejectedException {
    FlowStore.Claimed claimed = store.claim(source, text);
    // The version is live for engines from here; its history line follows (a crash in between
    // leaves a version shown as "command line", never a history line without its version).
    writeHistory(claimed.flow(), claimed.version(), by);
    return claimed.version();
  }

  @Override
  public List<FlowKey> flows() throws IOException {
    return List.copyOf(newest().keySet());
  }

  @Override
  public Map<FlowKey, Integer> newest() throws IOException {
    Path published = store.root().resolve(FlowStore.PUBLISHED);
    Map<FlowKey, Integer> newest = new LinkedHashMap<>();
    for (Path tenant : storeFolders(published)) {
      for (Path flow : storeFolders(tenant)) {
        Optional<Integer> latest = FlowStore.latestVersion(flow);
        if (latest.isPresent()) {
          newest.put(
              new FlowKey(tenant.getFileName().toString(), flow.getFileName().toString()),
              latest.get());
        }
      }
    }
    return newest;
  }

  @Override
  public List<VersionRecord> history(FlowKey flow) throws IOException {
    Path dir = store.versionsOf(flow.tenant(), flow.flow());
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<VersionRecord> versions = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files.filter(p -> p.getFileName().toString().matches("[0-9]{6}\\.yaml")).toList()) {
        int number = Integer.parseInt(file.getFileName().toString().substring(0, 6));
        versions.add(describe(flow, number, Files.getLastModifiedTime(file)));
      }
    }
    versions.sort(Comparator.comparingInt(VersionRecord::number).reversed());
    return versions;
  }

  @Override
  public Optional<VersionText> read(FlowKey flow, int version) throws IOException {
    Path file = store.versionsOf(flow.tenant(), flow.flow()).resolve(FlowStore.fileName(version));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (!isInsideStore(file)) {
      warnOnce(file, "it leads outside the store");
      throw new VersionRefusedException("its version file leads outside the store");
    }
    return Optional.of(
        new VersionText(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
  }

  @Override
  public String describe() {
    return store.root().toString();
  }

  /** The tenant or flow folders under {@code dir} that {@link FlowStore#publish} could write. */
  private List<Path> storeFolders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(this::isStoreFolder).sorted().toList();
    }
  }

  private boolean isStoreFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (!FlowNames.isName(dir.getFileName().toString())) {
      warnOnce(dir, "its name is not a tenant or flow name");
      return false;
    }
    if (!isInsideStore(dir)) {
      warnOnce(dir, "it leads outside the store");
      return false;
    }
    return true;
  }

  private boolean isInsideStore(Path path) {
    try {
      store.requireInside(path);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void warnOnce(Path entry, String why) {
    if (skipped.add(entry)) {
      LOG.warn("Flow store entry {} is skipped: {}", entry, why);
    }
  }

  private void writeHistory(FlowKey flow, int version, Publication by) throws IOException {
    Path file = historyFile(flow, version);
    Files.createDirectories(file.getParent());
    Properties entry = new Properties();
    entry.setProperty("who", by.who());
    entry.setProperty("when", clock.instant().toString());
    entry.setProperty("note", by.note());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      entry.store(out, null);
    }
  }

  private VersionRecord describe(FlowKey flow, int number, FileTime modified) throws IOException {
    Path file = historyFile(flow, number);
    if (!Files.isRegularFile(file)) {
      return new VersionRecord(number, Publication.COMMAND_LINE.who(), modified.toInstant(), "");
    }
    Properties entry = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      entry.load(in);
    }
    return new VersionRecord(
        number,
        entry.getProperty("who", "?"),
        Instant.parse(entry.getProperty("when", modified.toInstant().toString())),
        entry.getProperty("note", ""));
  }

  private Path historyFile(FlowKey flow, int version) {
    return store
        .root()
        .resolve(HISTORY)
        .resolve(flow.tenant())
        .resolve(flow.flow())
        .resolve(String.format(Locale.ROOT, "%06d.properties", version));
  }
}
