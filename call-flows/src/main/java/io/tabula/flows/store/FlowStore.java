package io.tabula.flows.store;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.FlowNames;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private static final int MAX_CLAIM_ATTEMPTS = 1000;

  private final Path root;
  private final FlowCompiler compiler;

  public FlowStore(Path root, FlowCompiler compiler) {
    this.root = root;
    this.compiler = compiler;
  }

  public Path root() {
    return root;
  }

  /**
   * Where the versions of a flow are kept.
   *
   * @throws IllegalArgumentException when the tenant or flow is not a name ({@link FlowNames}), so
   *     the path could leave the store
   */
  public Path versionsOf(String tenant, String flow) {
    requireName("tenant", tenant);
    requireName("flow", flow);
    Path published = root.resolve(PUBLISHED).normalize();
    Path dir = published.resolve(tenant).resolve(flow).normalize();
    if (!dir.startsWith(published)) {
      throw new IllegalArgumentException(
          "the flow store path of " + tenant + "/" + flow + " leaves the store; use names");
    }
    return dir;
  }

  /**
   * Checks that {@code path}, with every link followed, lies inside the store: a folder of the
   * store linked elsewhere must not carry a write (or, in {@link PublishedFlows}, a read) out.
   */
  void requireInside(Path path) throws IOException {
    Path realRoot = root.toRealPath();
    if (!path.toRealPath().startsWith(realRoot)) {
      throw new IOException(
          path
              + " is outside the flow store "
              + realRoot
              + " (a linked folder?); replace the link with a folder inside the store");
    }
  }

  /**
   * Creates {@code dir} one folder at a time from the store's root, checking each before going into
   * it, so that nothing is created through a link that points out of the store.
   */
  private Path createInside(Path dir) throws IOException {
    Files.createDirectories(root);
    Path current = root.normalize();
    for (Path part : current.relativize(dir)) {
      current = current.resolve(part);
      if (!Files.isDirectory(current)) {
        try {
          Files.createDirectory(current);
        } catch (FileAlreadyExistsException createdMeanwhile) {
          // another publisher made it between the check and the create; requireInside judges it
        }
      }
      requireInside(current);
    }
    return dir;
  }

  private static void requireName(String what, String value) {
    if (!FlowNames.isName(value)) {
      throw new IllegalArgumentException(
          "the " + what + " '" + value + "' is not a name; use " + FlowNames.RULE);
    }
  }

  /**
   * Validates {@code source} and publishes it as the next version.
   *
   * @return the new version number
   * @throws PublishRejectedException when the flow has problems; nothing is published
   */
  public int publish(Path source) throws IOException, PublishRejectedException {
    return publish(source.toString(), Files.readString(source, StandardCharsets.UTF_8));
  }

  /**
   * Validates {@code text} and publishes it as the next version.
   *
   * @param source the name diagnostics give as the file
   * @return the new version number
   * @throws PublishRejectedException when the flow has problems; nothing is published
   */
  public int publish(String source, String text) throws IOException, PublishRejectedException {
    return claim(source, text).version();
  }

  /** A version just published: which flow, which number. */
  record Claimed(FlowKey flow, int version) {}

  synchronized Claimed claim(String source, String text)
      throws IOException, PublishRejectedException {
    FlowCompiler.Compiled compiled = compiler.compile(source, text);
    if (!compiled.ok()) {
      throw new PublishRejectedException(compiled.problems());
    }
    Flow flow = compiled.flow().orElseThrow();
    Path dir = createInside(versionsOf(flow.tenant(), flow.name()));
    Path temp = Files.createTempFile(dir, ".publishing-", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      temp.toFile().setReadOnly();
      return new Claimed(new FlowKey(flow.tenant(), flow.name()), claimNextVersion(dir, temp));
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Gives the complete file {@code temp} the next free version number. Another process (the console
   * and {@code tabula flows publish}) may claim the same number at the same moment, and {@code
   * synchronized} does not reach across processes; a rename would silently replace its version. A
   * hard link is created atomically and fails when the name exists (link(2)), so exactly one
   * publisher gets each number and the other tries the next. Readers see the whole file or none.
   */
  private static int claimNextVersion(Path dir, Path temp) throws IOException {
    for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      int version = latestVersion(dir).orElse(0) + 1;
      try {
        Files.createLink(dir.resolve(fileName(version)), temp);
        return version;
      } catch (FileAlreadyExistsException taken) {
        // another publisher took this number first: count again
      }
    }
    throw new IOException(
        "could not claim a version number in "
            + dir
            + " after "
            + MAX_CLAIM_ATTEMPTS
            + " tries (other publishers kept taking them); publish again");
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
