package io.tabula.flows.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The flows Tabula ships, so the tools work from anywhere: {@code tabula flows simulate
 * city/parking-ticket.yaml}. When the code runs from a checkout of the repository ({@code
 * ./tabula}, or the modules' {@code target/} folders), they are read from that checkout's {@code
 * flows/} folder, so an edit there counts at the next command without a rebuild; anywhere else (a
 * copied jar, the container image) from the copies the jar carries.
 */
public final class ShippedFlowFiles {

  /** Where the jar keeps them. */
  public static final String RESOURCE_ROOT = "tabula-flows/";

  /** The flows the jar carries, as {@code <tenant>/<flow>.yaml}. */
  public static final List<String> FLOWS =
      List.of("city/parking-ticket.yaml", "utility/bill-payment.yaml", "utility/balance.yaml");

  /** The JSON Schema for editors. */
  public static final String SCHEMA = "flow.schema.json";

  private static final Optional<Path> CHECKOUT = checkoutFlows(codeLocation());

  private ShippedFlowFiles() {}

  /** The text of a shipped file such as {@code city/parking-ticket.yaml}, if there is one. */
  public static Optional<String> read(String relative) {
    if (CHECKOUT.isEmpty()) {
      return readFromJar(relative);
    }
    Optional<Path> file = checkoutFile(relative);
    try {
      return file.isEmpty()
          ? Optional.empty()
          : Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the flow file " + file.get(), e);
    }
  }

  /** The file in the checkout's {@code flows/} folder, when run from a checkout that has it. */
  public static Optional<Path> checkoutFile(String relative) {
    return CHECKOUT
        .map(folder -> folder.resolve(relative).normalize())
        .filter(file -> file.startsWith(CHECKOUT.get()) && Files.isRegularFile(file));
  }

  /** The copy of a shipped file that the jar carries. */
  public static Optional<String> readFromJar(String relative) {
    try (InputStream in =
        ShippedFlowFiles.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + relative)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the shipped flow " + relative + " from the jar", e);
    }
  }

  /**
   * The shipped flows as {@code <tenant>/<flow>.yaml}: every such file in the checkout's {@code
   * flows/} folder (a flow added there counts), or the ones the jar carries.
   */
  public static List<String> names() {
    if (CHECKOUT.isEmpty()) {
      return FLOWS;
    }
    try (Stream<Path> files = Files.find(CHECKOUT.get(), 2, (p, a) -> a.isRegularFile())) {
      return files
          .map(CHECKOUT.get()::relativize)
          .filter(p -> p.getNameCount() == 2 && p.toString().endsWith(".yaml"))
          .map(Path::toString)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the flows in " + CHECKOUT.get(), e);
    }
  }

  /** Where {@link #read} and {@link #names} find the flows, for start-up lines. */
  public static String origin() {
    return CHECKOUT
        .map(folder -> folder + " (this checkout's flows/ folder; edits count at the next start)")
        .orElse("the copies in the jar");
  }

  /**
   * The {@code flows/} folder of the checkout that holds {@code code}, the jar or classes folder
   * this code was loaded from: {@code <checkout>/<module>/target/<jar or classes>}. Empty when
   * {@code code} is not inside a checkout (one with {@code pom.xml}, {@code mvnw} and {@code
   * flows/flow.schema.json}).
   */
  static Optional<Path> checkoutFlows(Optional<Path> code) {
    return code.map(Path::toAbsolutePath)
        .map(Path::normalize)
        .map(Path::getParent)
        .filter(target -> target.getFileName() != null)
        .filter(target -> target.getFileName().toString().equals("target"))
        .map(Path::getParent)
        .map(Path::getParent)
        .filter(root -> Files.isRegularFile(root.resolve("pom.xml")))
        .filter(root -> Files.isRegularFile(root.resolve("mvnw")))
        .map(root -> root.resolve("flows"))
        .filter(flows -> Files.isRegularFile(flows.resolve(SCHEMA)));
  }

  private static Optional<Path> codeLocation() {
    CodeSource source = ShippedFlowFiles.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
