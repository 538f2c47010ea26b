package io.tabula.engine.config;

import io.tabula.engine.admin.AdminConfig;
import io.tabula.engine.agi.AgiLimits;
import io.tabula.engine.server.guard.GuardConfig;
import io.tabula.engine.session.CallSettings;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.time.Duration;

/**
 * Everything an engine needs to start, read by {@link EngineConfigLoader} from one YAML file and
 * the environment, with a default for every setting ({@link Setting#ALL}).
 *
 * <pre>{@code
 * EngineConfig config = EngineConfig.defaults().withPort(0); // any free port, for tests
 * }</pre>
 *
 * @param address bind address
 * @param port FastAGI port (0: any free port)
 * @param transport {@code auto}, {@code io_uring}, {@code epoll} or {@code nio}
 * @param ioThreads event-loop threads, 0 for one per core
 * @param limits codec limits
 * @param call call-session timeouts, transfer variable and rejection prompts
 * @param memory the call-memory pool
 * @param shutdownDeadline at shutdown, how long calls may finish ({@link
 *     io.tabula.engine.server.Engine#close}); on a drain, how long calls sent through their error
 *     path after {@code drainTimeout} get before they are cut off
 * @param drainTimeout on SIGTERM, how long calls in progress may finish on their own; empty means
 *     the longest {@code time_limit} of the flows serving ({@code drain.timeout})
 * @param tenants where the tenant files are (empty: no tenant connectors; serve then needs {@code
 *     --demo})
 * @param safeguards what the engine refuses to do unprotected: recording, memory protections,
 *     self-test flows (issue #14)
 * @param guard who may open FastAGI connections and how many (issue #14; {@code agi.allowedPeers},
 *     {@code agi.maxConnections}, {@code agi.maxConnectionsPerPeer})
 */
public record EngineConfig(
    String address,
    int port,
    String transport,
    int ioThreads,
    AgiLimits limits,
    CallSettings call,
    CallMemoryPoolConfig memory,
    Duration shutdownDeadline,
    java.util.Optional<Duration> drainTimeout,
    FlowsSettings flows,
    AdminConfig admin,
    AmiSettings ami,
    TenantsSettings tenants,
    // Fail-closed settings (issue #14), kept together: recording, memory.protections, selftest.
    Safeguards safeguards,
    // The FastAGI listener's guard (issue #14): allow-list and connection caps, on its own.
    GuardConfig guard) {

  public EngineConfig {
    if (port < 0 || port > 65_535) {
      throw new ConfigException("agi.port must be 0..65535");
    }
    if (ioThreads < 0) {
      throw new ConfigException("agi.ioThreads must be 0 (one per core) or more");
    }
  }

  public static EngineConfig defaults() {
    return EngineConfigLoader.load(null, java.util.Map.of());
  }

  public EngineConfig withPort(int newPort) {
    return new EngineConfig(
        address,
        newPort,
        transport,
        ioThreads,
        limits,
        call,
        memory,
        shutdownDeadline,
        drainTimeout,
        flows,
        admin,
        ami,
        tenants,
        safeguards,
        guard);
  }

  public EngineConfig withMemory(CallMemoryPoolConfig newMemory) {
    return new EngineConfig(
        address,
        port,
        transport,
        ioThreads,
        limits,
        call,
        newMemory,
        shutdownDeadline,
        drainTimeout,
        flows,
        admin,
        ami,
        tenants,
        safeguards,
        guard);
  }

  public EngineConfig withCall(CallSettings newCall) {
    return new EngineConfig(
        address,
        port,
        transport,
        ioThreads,
        limits,
        newCall,
        memory,
        shutdownDeadline,
        drainTimeout,
        flows,
        admin,
        ami,
        tenants,
        safeguards,
        guard);
  }

  public EngineConfig withLimits(AgiLimits newLimits) {
    return new EngineConfig(
        address,
        port,
        transport,
        ioThreads,
        newLimits,
        call,
        memory,
        shutdownDeadline,
        drainTimeout,
        flows,
        admin,
        ami,
        tenants,
        safeguards,
        guard);
  }

  public EngineConfig withTenants(TenantsSettings newTenants) {
    return new EngineConfig(
        address,
        port,
        transport,
        ioThreads,
        limits,
        call,
        memory,
        shutdownDeadline,
        drainTimeout,
        flows,
        admin,
        ami,
        newTenants,
        safeguards,
        guard);
  }

  public EngineConfig withShutdownDeadline(Duration deadline) {
    return new EngineConfig(
        address,
        port,
        transport,
        ioThreads,
        limits,
        call,
        memory,
        deadline,
        drainTimeout,
        flows,
        admin,
        ami,
        tenants,
        safeguards,
        guard);
  }

  public EngineConfig withDrainTimeout(Duration timeout) {
    return new EngineConfig(
        address,
        port,
        transport,
        ioThreads,
        limits,
        call,
        memory,
        shutdownDeadline,
        java.util.Optional.of(timeout),
        flows,
        admin,
        ami,
        tenants,
        safeguards,
        guard);
  }

  public EngineConfig withSafeguards(Safeguards newSafeguards) {
    return new EngineConfig(
        address,
        port,
        transport,
        ioThreads,
        limits,
        call,
        memory,
        shutdownDeadline,
        drainTimeout,
        flows,
        admin,
        ami,
        tenants,
        newSafeguards,
        guard);
  }

  public EngineConfig withGuard(GuardConfig newGuard) {
    return new EngineConfig(
        address,
        port,
        transport,
        ioThreads,
        limits,
        call,
        memory,
        shutdownDeadline,
        drainTimeout,
        flows,
        admin,
        ami,
        tenants,
        safeguards,
        newGuard);
  }
}
