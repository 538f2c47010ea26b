package io.tabula.flows.store;

import io.tabula.flows.model.Flow;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The flow store on disk. Ops edit {@code <root>/<tenant>/<flow>.yaml}; publishing validates the
 * file and writes it as the next immutable version, {@code
 * <root>/.published/<tenant>/<flow>/000001.yaml}, read-only and never overwritten. Engines read the
 * published versions with {@link PublishedFlows}.
 *
 * <pre>{@code
 * FlowStore store = new FlowStore(Path.of("/etc/tabula/flows"), compiler);
 * int version = store.publish(Path.of("/etc/tabula/flows/city/parking-ticket.yaml"));
 * }</pre>
 */
public final class FlowStore {

  static final String PUBLISHED = ".published";

  private final Path root;
  private final FlowCompiler compiler;

  public FlowStore(Path root, FlowCompiler compiler) {
    this.root = root;
    this.compiler = compiler;
  }

  public Path root() {
    return root;
  }

  /** Where the versions of a flow are kept. */
  public Path versionsOf(String tenant, String flow) {
    return root.resolve(PUBLISHED).resolve(tenant).resolve(flow);
  }

  /**
   * Validates {@code source} and publishes it as the next version.
   *
   * @return the new version number
   * @throws PublishRejectedException when the flow has problems; nothing is published
   */
  public synchronized int publish(Path source) throws IOException, PublishRejectedException {
    String text = Files.readString(source, StandardCharsets.UTF_8);
    FlowCompiler.Compiled compiled = compiler.compile(source.toString(), text);
    if (!compiled.ok()) {
      throw new PublishRejectedException(compiled.problems());
    }
    Flow flow = compiled.flow().orElseThrow();
    Path dir = versionsOf(flow.tenant(), flow.name());
    Files.createDirectories(dir);
    int version = latestVersion(dir).orElse(0) + 1;
    Path temp = Files.createTempFile(dir, ".publishing-", ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Path target = dir.resolve(fileName(version));
    // ATOMIC_MOVE: a reader sees either no version file or the whole file, never half of it.
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    target.toFile().setReadOnly();
    return version;
  }

  static String fileName(int version) {
    return String.format(Locale.ROOT, "%06d.yaml", version);
  }

  /** The highest version number in a flow's directory. */
  static Optional<Integer> latestVersion(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.matches("[0-9]{6}\\.yaml"))
          .map(name -> Integer.parseInt(name.substring(0, 6)))
          .max(Integer::compare);
    }
  }
}
