package io.tabula.engine.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.engine.config.EngineConfig;
import io.tabula.flows.run.CallJournals;
import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalRuntime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call journal of {@code serve}: started when {@code journal.config} names a file. A file that
 * cannot be used stops serve from starting (the operator asked for a journal); a journal database
 * that is down does not (records wait in the queue, and a journal outage never fails a call).
 */
final class ServeJournal {

  private static final Logger LOG = LoggerFactory.getLogger(ServeJournal.class);

  private ServeJournal() {}

  static Optional<JournalRuntime> open(EngineConfig settings, MeterRegistry registry) {
    if (settings.tenants().journal().isEmpty()) {
      return Optional.empty();
    }
    JournalConfig config = JournalConfig.read(settings.tenants().journal().get());
    JournalRuntime runtime = JournalRuntime.start(config, registry);
    LOG.info(
        "Call journal on for tenants {} (values marked journal: encrypt are sealed to each"
            + " tenant's newest public key; queue of {} records)",
        String.join(", ", config.tenants().keySet()),
        config.queue().capacity());
    return Optional.of(runtime);
  }

  static CallJournals journals(Optional<JournalRuntime> journal) {
    return journal.map(JournalRuntime::capture).orElse(CallJournals.NONE);
  }
}
