package io.tabula.engine.demo;

import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.flows.run.CallJournals;
import io.tabula.journal.DemoJournal;
import io.tabula.journal.DemoJournalHome;
import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalRuntime;
import java.time.Duration;
import java.util.Optional;

/**
 * The demo's call journal: the embedded PostgreSQL and keys kept in {@link DemoJournalHome}, so
 * that {@code tabula journal search --tenant city --ticket 12345678} finds the demo's call after
 * the demo ended. A journal that cannot start (another demo holds its database, a full disk) does
 * not stop the demo, as a journal outage never fails a call: the summary says why instead.
 */
public final class DemoJournalPart {

  private final Optional<JournalRuntime> runtime;
  private final String problem;

  private DemoJournalPart(Optional<JournalRuntime> runtime, String problem) {
    this.runtime = runtime;
    this.problem = problem;
  }

  static DemoJournalPart start(MeterRegistry registry) {
    try {
      JournalConfig config = JournalConfig.read(DemoJournal.ensure());
      return new DemoJournalPart(Optional.of(JournalRuntime.start(config, registry)), "");
    } catch (RuntimeException e) {
      return new DemoJournalPart(Optional.empty(), e.getMessage());
    }
  }

  Optional<JournalRuntime> runtime() {
    return runtime;
  }

  CallJournals journals() {
    return runtime.map(JournalRuntime::capture).orElse(CallJournals.NONE);
  }

  /**
   * One line for the demo's summary, once the call's record is written (the journal writes after
   * the call ended, so this waits for the queue, a few seconds at most), with the search that finds
   * the happy path's call of {@code route} again.
   */
  public String summary(String route) {
    String searchCommand =
        route.startsWith("city/")
            ? "./tabula journal search --tenant city --ticket 12345678"
            : "./tabula journal search --tenant utility --account 1002003004";
    if (runtime.isEmpty()) {
      return "Call journal: not available this time (" + problem + ").";
    }
    JournalRuntime journal = runtime.get();
    boolean drained;
    try {
      drained = journal.queue().awaitDrained(Duration.ofSeconds(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    if (!drained) {
      return "Call journal: the record is still waiting for the journal database.";
    }
    return String.format(
        "Call journal: %d record(s) written to %s, sealed values encrypted to the tenant's key.%n"
            + "  Find it again: %s",
        journal.queue().writtenCount(), DemoJournalHome.folder(), searchCommand);
  }
}
