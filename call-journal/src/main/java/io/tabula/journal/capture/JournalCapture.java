package io.tabula.journal.capture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.run.CallJournal;
import io.tabula.flows.run.CallJournals;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.record.JournalRecord;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of the journal: opens a recorder for each call of a tenant that has a journal
 * (others get {@link CallJournal#NONE}), and hands each finished record to the queue. Nothing here
 * ever fails a call: a problem while capturing is logged by type and counted ({@code
 * tabula.journal.capture.failures}), and the call goes on.
 *
 * <pre>{@code
 * JournalCapture capture = new JournalCapture(tenants, queue, Clock.systemUTC(), registry);
 * CallHandlers handlers = new StoreCallHandlers(published, connectors, config, capture);
 * }</pre>
 */
public final class JournalCapture implements CallJournals {

  private static final Logger LOG = LoggerFactory.getLogger(JournalCapture.class);

  private final Map<String, TenantJournal> tenants;
  private final JournalQueue queue;
  private final Clock clock;
  private final Counter failures;

  public JournalCapture(
      Map<String, TenantJournal> tenants, JournalQueue queue, Clock clock, MeterRegistry registry) {
    this.tenants = Map.copyOf(tenants);
    this.queue = queue;
    this.clock = clock;
    this.failures = registry.counter("tabula.journal.capture.failures");
  }

  @Override
  public CallJournal open(Flow flow, int version, CallInfo info) {
    TenantJournal tenant = tenants.get(info.tenant());
    if (tenant == null) {
      return CallJournal.NONE;
    }
    try {
      return new CallRecorder(tenant, flow, version, info, clock, this);
    } catch (RuntimeException e) {
      failed("open", e);
      return CallJournal.NONE;
    }
  }

  void submit(JournalRecord record) {
    queue.offer(record);
  }

  /** Runs a capture step; a failure is counted and logged by type, never passed to the call. */
  void guard(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      failed(what, e);
    }
  }

  private void failed(String what, RuntimeException e) {
    failures.increment();
    LOG.warn("Call journal: {} failed ({}); the call goes on", what, e.getClass().getSimpleName());
  }
}
