package io.tabula.engine.demo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.connectors.simulator.GatewaySimulator;
import io.tabula.connectors.simulator.SimulatorOptions;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.FlowsSettings;
import io.tabula.engine.config.MemoryProtectionPolicy;
import io.tabula.engine.config.RecordingMode;
import io.tabula.engine.config.Safeguards;
import io.tabula.engine.flows.EngineFlows;
import io.tabula.engine.server.Engine;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.flows.store.PublishedFlows;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the demo runs, started in order with progress and stopped in reverse: PostgreSQL with
 * TLS and the demo data, the gateway simulator, the tenants' connectors, and the engine with the
 * shipped flows published into a fresh flow store.
 */
public final class DemoStack implements AutoCloseable {

  /** Stripe-style test key of the simulator; not a secret of anyone's. */
  private static final String SIMULATOR_KEY = "sk_test_tabula_demo";

  private static final int DEMO_SLOTS = 64;

  /** The shipped flows (the checkout's flows/ folder when run from one), polled like a store. */
  private static final FlowsSettings DEMO_FLOWS = new FlowsSettings("", Duration.ofSeconds(5));

  /**
   * What the demo's engine states explicitly: the terminal softphone records nothing (no
   * MixMonitor), and the call memory (64 slots, 256 KiB, inside any default memlock limit) must be
   * locked and left out of core dumps, as in production.
   */
  private static final Safeguards DEMO_SAFEGUARDS =
      Safeguards.defaults()
          .withRecording(RecordingMode.NONE)
          .withMemoryProtections(MemoryProtectionPolicy.REQUIRED);

  private final Path workDir;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private GatewaySimulator simulator;
  private PublishedFlows flows;
  private Engine engine;
  private DemoJournalPart journal;

  private DemoStack(Path workDir) {
    this.workDir = workDir;
  }

  public static DemoStack start(Path workDir, PrintWriter out) {
    DemoStack stack = new DemoStack(workDir);
    try {
      stack.startAll(new Progress(out, 4));
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(Progress progress) {
    MeterRegistry registry = new SimpleMeterRegistry();
    DemoDatabase database =
        progress.step(
            "PostgreSQL 17 with TLS and the demo data",
            () -> {
              EmbeddedPostgres postgres =
                  EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
              started.push(postgres);
              return DemoDatabase.install(postgres);
            },
            db -> "verify-full TLS on a loopback port, binaries cached for the next start");
    simulator =
        progress.step(
            "Card gateway simulator (HTTPS, Stripe-compatible)",
            this::startSimulator,
            sim -> sim.endpoint().toString());
    DemoTenants tenants =
        progress.step(
            "Tenants city and utility: database pools and payment connector",
            () -> {
              DemoTenants opened =
                  DemoTenants.open(
                      workDir.resolve("tenants"),
                      database,
                      simulator.endpoint(),
                      workDir.resolve("simulator.key"),
                      workDir.resolve("simulator-ca.pem"),
                      registry);
              started.push(opened);
              return opened;
            },
            t ->
                "tenant files in "
                    + workDir.resolve("tenants")
                    + "; lookups and payments over TLS");
    engine =
        progress.step(
            "Tabula engine with the shipped flows",
            () -> startEngine(tenants, registry),
            e ->
                "FastAGI on "
                    + e.address().getHostString()
                    + ":"
                    + e.address().getPort()
                    + "; flows "
                    + EngineFlows.describe(DEMO_FLOWS));
  }

  private GatewaySimulator startSimulator() {
    DevCertificateAuthority ca = DevCertificateAuthority.create("Tabula demo gateway CA");
    ca.writeCertificatePem(workDir.resolve("simulator-ca.pem"));
    writeOwnerOnly(workDir.resolve("simulator.key"), SIMULATOR_KEY);
    GatewaySimulator started = GatewaySimulator.start(SimulatorOptions.loopback(ca, SIMULATOR_KEY));
    this.started.push(started);
    return started;
  }

  private Engine startEngine(DemoTenants tenants, MeterRegistry registry) {
    EngineFlows engineFlows = EngineFlows.open(DEMO_FLOWS, tenants.connectors());
    started.push(engineFlows);
    journal = DemoJournalPart.start(registry);
    journal.runtime().ifPresent(started::push);
    flows = engineFlows.published();
    Engine running =
        Engine.start(
            EngineConfig.defaults()
                .withPort(0)
                .withMemory(CallMemoryPoolConfig.defaults().withSlots(DEMO_SLOTS))
                .withSafeguards(DEMO_SAFEGUARDS),
            engineFlows.handlers(tenants.connectors(), RunnerConfig.defaults(), journal.journals()),
            new UnmutedRecordingControl(),
            registry);
    started.push(running);
    return running;
  }

  public Engine engine() {
    return engine;
  }

  public GatewaySimulator simulator() {
    return simulator;
  }

  public PublishedFlows flows() {
    return flows;
  }

  /** The demo's call journal, kept between runs so that tabula journal search finds its calls. */
  public DemoJournalPart journal() {
    return journal;
  }

  private static void writeOwnerOnly(Path file, String content) {
    try {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  /** Stops what was started, newest first; a part that fails to stop does not stop the rest. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // Best effort at shutdown: the embedded server also dies with this JVM.
        System.err.println("Stopping a demo part failed: " + e.getClass().getSimpleName());
      }
    }
  }
}
