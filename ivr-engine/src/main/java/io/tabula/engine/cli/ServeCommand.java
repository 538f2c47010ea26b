package io.tabula.engine.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tabula.engine.admin.AdminServer;
import io.tabula.engine.admin.CallMemoryHealth;
import io.tabula.engine.admin.HealthCheck;
import io.tabula.engine.admin.HealthStatus;
import io.tabula.engine.ami.AmiConfig;
import io.tabula.engine.ami.AmiEndpoint;
import io.tabula.engine.ami.AmiLinkOptions;
import io.tabula.engine.ami.AmiLinks;
import io.tabula.engine.ami.AmiLinksRecordingControl;
import io.tabula.engine.ami.AmiSecret;
import io.tabula.engine.ami.NoLinkRecordingControl;
import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.config.AmiSettings;
import io.tabula.engine.config.AmiTarget;
import io.tabula.engine.config.ConfigException;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.engine.config.PromptsSettings;
import io.tabula.engine.config.RecordingMode;
import io.tabula.engine.flows.EngineFlows;
import io.tabula.engine.flows.FlowMetrics;
import io.tabula.engine.flows.FlowStoreHealth;
import io.tabula.engine.flows.PromptSounds;
import io.tabula.engine.selftest.SelfTestFlows;
import io.tabula.engine.server.Engine;
import io.tabula.engine.server.EngineStartException;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.engine.tenant.config.TenantsConfigException;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.port.CallHandlers;
import io.tabula.flows.run.CallJournals;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.journal.JournalConfigException;
import io.tabula.journal.JournalRuntime;
import io.tabula.ops.prompts.PlayedPrompt;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tabula serve}: runs the FastAGI engine in the foreground until Ctrl-C or SIGTERM, with the
 * flows of the configured store (or the shipped ones) and the admin endpoint for health and
 * metrics.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the FastAGI engine in the foreground until Ctrl-C or SIGTERM.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration (optional; every setting has a default, see docs/engine.md)")
  Path config;

  @Option(
      names = "--demo",
      description =
          "Without tenants.dir, answer lookups and payments from the built-in demo data (callers"
              + " hear approvals, nothing is charged). Never in production.")
  boolean demo;

  @Override
  public Integer call() {
    EngineConfig settings;
    try {
      settings = EngineConfigLoader.load(config, System.getenv());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("tabula serve: " + e.getMessage());
      return 2;
    }
    List<String> refusals = ServePreflight.refusals(settings, demo);
    if (!refusals.isEmpty()) {
      refusals.forEach(
          refusal ->
              spec.commandLine().getErr().println("tabula serve refuses to start: " + refusal));
      return 2;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServeConnectors tenants;
    try {
      tenants = ServeConnectors.open(settings, System.getenv(), registry, demo);
    } catch (TenantsConfigException e) {
      spec.commandLine().getErr().println("tabula serve: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      // A connector refusing its settings at open; our messages name settings, never secrets.
      spec.commandLine()
          .getErr()
          .println(
              "tabula serve: the tenants in "
                  + settings.tenants().dir()
                  + " cannot be opened: "
                  + e.getMessage()
                  + "; run tabula tenants check --dir "
                  + settings.tenants().dir());
      return 2;
    }
    Connectors connectors = tenants.connectors();
    Optional<JournalRuntime> journal;
    try {
      journal = ServeJournal.open(settings, registry);
    } catch (JournalConfigException e) {
      spec.commandLine().getErr().println("tabula serve: the call journal: " + e.getMessage());
      tenants.close();
      return 2;
    }
    Optional<AmiLinks> ami;
    EngineFlows flows;
    Engine engine;
    AdminServer admin;
    try {
      ami = amiLinks(settings.ami(), registry);
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("tabula serve: the AMI link: " + e.getMessage());
      tenants.close();
      return 2;
    }
    RecordingControl recording =
        recordingControl(ami, settings.safeguards().recording() == RecordingMode.NONE);
    try {
      flows = EngineFlows.open(settings.flows(), connectors);
      // First the gate for versions published from now on, then the check of those already live:
      // a version found in between is covered by one or the other.
      flows.published().admitOnly(PromptSounds.gate(settings.flows().prompts()));
      Optional<String> silentPrompts =
          PromptSounds.check(settings.flows().prompts(), playedPrompts(flows, settings));
      if (silentPrompts.isPresent()) {
        spec.commandLine().getErr().println("tabula serve: " + silentPrompts.get());
        flows.close();
        ami.ifPresent(AmiLinks::close);
        tenants.close();
        return 2;
      }
      engine =
          Engine.start(
              settings,
              callHandlers(
                  flows,
                  connectors,
                  settings.safeguards().selftestFlows(),
                  new FlowMetrics(registry).and(ServeJournal.journals(journal))),
              recording,
              registry);
      admin = AdminServer.start(settings.admin(), registry);
    } catch (ConfigException | EngineStartException | UncheckedIOException e) {
      spec.commandLine().getErr().println("tabula serve: " + e.getMessage());
      journal.ifPresent(JournalRuntime::close);
      tenants.close();
      return 2;
    }
    registerHealth(admin, engine);
    if (!settings.flows().shipped()) {
      admin.register(FlowStoreHealth.check(flows, flows.published().store().describe()));
      FlowStoreHealth.bind(registry, flows);
    }
    tenants.registerHealth(admin);
    SecureInputHealth.register(admin, ami, recording);
    ServeProbes.register(admin, engine, flows, settings);
    // Before the start-up lines: a SIGTERM right after "listening" must already drain.
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("tabula-shutdown")
                .unstarted(
                    () -> {
                      engine.drain(drainTimeout(settings, flows), settings.shutdownDeadline());
                      // After the calls ended: their records are in the queue; let it drain.
                      journal.ifPresent(JournalRuntime::close);
                      admin.close();
                      flows.close();
                      ami.ifPresent(AmiLinks::close);
                      tenants.close();
                      // A drain is the orderly end (SIGTERM from an orchestrator): exit 0, not
                      // the JVM's 143 for a signal, so it is not reported as a crash.
                      Runtime.getRuntime().halt(0);
                    }));
    logStart(settings, engine, admin, flows);
    ServeSafeguardsLog.log(settings, engine.pool());
    if (recording instanceof NoLinkRecordingControl noLink) {
      noLink.warnOnce();
    }
    engine.awaitShutdown();
    return 0;
  }

  /**
   * {@code drain.timeout}, or by default the longest {@code time_limit} of the flows serving now
   * (so no call that could still end on its own is cut), or {@code shutdown.deadline} when no flow
   * is loaded.
   */
  static java.time.Duration drainTimeout(EngineConfig settings, EngineFlows flows) {
    return settings
        .drainTimeout()
        .orElseGet(
            () ->
                flows.published().all().stream()
                    .map(version -> version.flow().timeLimit())
                    .max(java.util.Comparator.naturalOrder())
                    .orElse(settings.shutdownDeadline()));
  }

  private static void logStart(
      EngineConfig settings, Engine engine, AdminServer admin, EngineFlows flows) {
    LOG.info(
        "Tabula engine listening for FastAGI on {}:{} ({} transport)",
        engine.address().getHostString(),
        engine.address().getPort(),
        engine.transport().name().toLowerCase(java.util.Locale.ROOT));
    LOG.info(
        "Call memory: {} slots x {} bytes off-heap; protections: {}",
        settings.memory().slots(),
        settings.memory().slotBytes(),
        engine.pool().protections().summary());
    LOG.info(
        "Flows: {}; health and metrics on http://{}:{}/health and /metrics",
        EngineFlows.describe(settings.flows()),
        settings.admin().address(),
        admin.port());
  }

  private static void registerHealth(AdminServer admin, Engine engine) {
    admin.register(new CallMemoryHealth(engine.pool()));
    admin.register(
        HealthCheck.of(
            "agi",
            () ->
                HealthStatus.up(
                    "listening on "
                        + engine.address().getHostString()
                        + ":"
                        + engine.address().getPort()
                        + "; "
                        + engine.activeCalls()
                        + " active call(s)")));
  }

  /**
   * One AMI link per Asterisk in {@code ami.host}; each secret comes from {@code ami.secretFile}
   * ({@code {host}} replaced per Asterisk) or, without a file, from {@code TABULA_AMI_SECRET}.
   */
  static Optional<AmiLinks> amiLinks(AmiSettings settings, MeterRegistry registry) {
    if (!settings.configured()) {
      return Optional.empty();
    }
    List<AmiEndpoint> endpoints = new ArrayList<>();
    for (AmiTarget target : settings.targets()) {
      AmiSecret secret =
          settings.secretFile().isEmpty()
              ? AmiSecret.fromEnvironment("TABULA_AMI_SECRET")
              : AmiSecret.fromFile(Path.of(target.secretFile(settings.secretFile())));
      endpoints.add(
          new AmiEndpoint(
              target.name(), target.host(), target.port(), settings.username(), secret));
    }
    return Optional.of(
        AmiLinks.start(new AmiConfig(endpoints, AmiLinkOptions.defaults()), registry));
  }

  /**
   * Mutes recordings through the AMI link of the Asterisk each call comes from (MixMonitorMute
   * around secure input). Without a link serve starts only with {@code recording: none} (nothing to
   * mute) or without secure flows ({@link ServePreflight}); in the second case a secure step of a
   * flow published later still does not start (fail closed).
   */
  static RecordingControl recordingControl(Optional<AmiLinks> ami, boolean recordingNone) {
    if (ami.isPresent()) {
      return new AmiLinksRecordingControl(ami.get());
    }
    return recordingNone ? new UnmutedRecordingControl() : new NoLinkRecordingControl();
  }

  /**
   * Every prompt serve may play: the flows' (named by their words), the self-test flows' (when on)
   * and the rejections (named by their configured sound), each with the words it says.
   */
  static List<PlayedPrompt> playedPrompts(EngineFlows flows, EngineConfig settings) {
    Map<String, String> engine = new TreeMap<>();
    if (settings.safeguards().selftestFlows()) {
      engine.putAll(SelfTestFlows.PROMPT_TEXTS);
    }
    for (String name :
        List.of(settings.call().notAvailablePrompt(), settings.call().pleaseCallBackPrompt())) {
      engine.put(name, SelfTestFlows.PROMPT_TEXTS.getOrDefault(name, ""));
    }
    List<PlayedPrompt> prompts = new ArrayList<>(flows.prompts());
    PromptsSettings check = settings.flows().prompts();
    engine.forEach((name, text) -> prompts.addAll(PromptSounds.engine(check, name, text)));
    return prompts;
  }

  /**
   * The flows' handlers, then, when {@code selftest.enabled}, the built-in self-test flows ({@code
   * selftest/echo} and others). Off by default: {@code selftest/echo} collects a card number.
   */
  static CallHandlers callHandlers(
      EngineFlows flows, Connectors connectors, boolean selftest, CallJournals journals) {
    CallHandlers published = flows.handlers(connectors, RunnerConfig.defaults(), journals);
    if (!selftest) {
      return published;
    }
    CallHandlers selftests = SelfTestFlows.handlers();
    return (tenant, flow) -> published.find(tenant, flow).or(() -> selftests.find(tenant, flow));
  }
}
