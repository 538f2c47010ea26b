package io.tabula.engine.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.config.ConfigException;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.engine.selftest.SelfTestFlows;
import io.tabula.engine.server.Engine;
import io.tabula.engine.server.EngineStartException;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.flows.port.CallHandlers;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tabula serve}: runs the FastAGI engine in the foreground until Ctrl-C or SIGTERM. */
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

  @Override
  public Integer call() {
    EngineConfig settings;
    Engine engine;
    UnmutedRecordingControl recording = new UnmutedRecordingControl();
    try {
      settings = EngineConfigLoader.load(config, System.getenv());
      engine = Engine.start(settings, callHandlers(), recording, new SimpleMeterRegistry());
    } catch (ConfigException | EngineStartException e) {
      spec.commandLine().getErr().println("tabula serve: " + e.getMessage());
      return 2;
    }
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
    recording.warnOnce();
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("tabula-shutdown")
                .unstarted(() -> engine.shutdown(settings.shutdownDeadline())));
    engine.awaitShutdown();
    return 0;
  }

  /**
   * THE place where the engine learns its flows. Today: the built-in self-test flows. When the flow
   * interpreter lands, it replaces this with the flow store's handlers.
   */
  static CallHandlers callHandlers() {
    return SelfTestFlows.handlers();
  }
}
