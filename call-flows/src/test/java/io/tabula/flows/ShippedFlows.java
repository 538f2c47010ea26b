package io.tabula.flows;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The shipped flows from the repository's flows/ folder, compiled for tests. */
public final class ShippedFlows {

  /** Tests run on a fixed day so expiry checks and golden transcripts never drift. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

  private ShippedFlows() {}

  public static Path repo() {
    return Path.of(System.getProperty("tabula.repo.dir", ".."));
  }

  public static Path file(String relative) {
    return repo().resolve("flows").resolve(relative);
  }

  public static ConnectorCatalog catalog() {
    return ConnectorCatalog.of(DemoConnectors.create(CLOCK));
  }

  public static Flow load(String relative) {
    try {
      FlowCompiler.Compiled compiled = new FlowCompiler(catalog()).compile(file(relative));
      if (!compiled.ok()) {
        throw new AssertionError(
            "shipped flow " + relative + " does not compile: " + compiled.problems());
      }
      return compiled.flow().orElseThrow();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + relative, e);
    }
  }
}
