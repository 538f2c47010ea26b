package io.tabula.flows.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The flows Tabula ships, read from the jar (they are the same files as the repository's {@code
 * flows/} folder), so the tools work from anywhere: {@code tabula flows simulate
 * city/parking-ticket.yaml}.
 */
public final class ShippedFlowFiles {

  /** Where the jar keeps them. */
  public static final String RESOURCE_ROOT = "tabula-flows/";

  /** The shipped flows, as {@code <tenant>/<flow>.yaml}. */
  public static final List<String> FLOWS =
      List.of("city/parking-ticket.yaml", "utility/bill-payment.yaml", "utility/balance.yaml");

  /** The JSON Schema for editors. */
  public static final String SCHEMA = "flow.schema.json";

  private ShippedFlowFiles() {}

  /** The text of a shipped file such as {@code city/parking-ticket.yaml}, if there is one. */
  public static Optional<String> read(String relative) {
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
}
