package io.tabula.engine.cli;

import io.tabula.engine.admin.AdminServer;
import io.tabula.engine.admin.HealthStatus;
import io.tabula.engine.admin.ProbeResult;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.MemoryProtectionPolicy;
import io.tabula.engine.config.RecordingMode;
import io.tabula.engine.flows.EngineFlows;
import io.tabula.engine.server.Engine;
import io.tabula.masking.memory.MemoryProtections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * serve's readiness and liveness probes. Ready means a new call sent here would be served as the
 * configuration demands: the FastAGI port listens (not draining), flows are loaded, a call-memory
 * slot is free, the memory is locked where {@code memory.protections: required}, and every AMI link
 * is up where recordings must be muted ({@code recording: mixmonitor} with {@code ami.host}). Live
 * means every Netty event loop runs a task within {@link #LIVE_BOUND}; nothing else (an AMI link or
 * a tenant database being down is not cured by a restart, so it never fails liveness).
 */
final class ServeProbes {

  /** How long an event loop may take to run a no-op task before the engine counts as stuck. */
  static final Duration LIVE_BOUND = Duration.ofSeconds(2);

  private ServeProbes() {}

  static void register(AdminServer admin, Engine engine, EngineFlows flows, EngineConfig config) {
    admin.readiness(() -> ProbeResult.of(notReady(admin, engine, flows, config)));
    admin.liveness(() -> ProbeResult.of(engine.eventLoopsNotAnswering(LIVE_BOUND)));
  }

  private static List<String> notReady(
      AdminServer admin, Engine engine, EngineFlows flows, EngineConfig config) {
    List<String> reasons = new ArrayList<>();
    if (!engine.accepting()) {
      reasons.add("draining: the FastAGI port no longer takes new calls (engine shutting down)");
    }
    if (flows.published().all().isEmpty()) {
      reasons.add("no flow is loaded; publish one (tabula flows publish) or check flows.store");
    }
    if (engine.pool().slotsFree() == 0) {
      reasons.add("every call-memory slot is in use; new callers would hear please-call-back");
    }
    MemoryProtections protections = engine.pool().protections();
    if (config.safeguards().memoryProtections() == MemoryProtectionPolicy.REQUIRED
        && !(protections.lockedInMemory() && protections.excludedFromCoreDumps())) {
      reasons.add("call memory is not protected (" + protections.summary() + ")");
    }
    if (config.safeguards().recording() == RecordingMode.MIXMONITOR && config.ami().configured()) {
      for (Map.Entry<String, HealthStatus> check : admin.report().checks().entrySet()) {
        if (check.getKey().startsWith("ami.")
            && check.getValue().state() != HealthStatus.State.UP) {
          reasons.add(
              check.getKey()
                  + " is "
                  + check.getValue().state()
                  + ": recordings on that Asterisk's calls cannot be muted; see GET /health");
        }
      }
    }
    return reasons;
  }
}
