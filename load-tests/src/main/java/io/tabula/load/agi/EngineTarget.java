package io.tabula.load.agi;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.engine.server.Engine;
import io.tabula.engine.server.NettyDefaults;
import io.tabula.engine.session.UnmutedRecordingControl;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The engine target: Tabula's Netty FastAGI engine running {@link LoadCallFlow}, in its own JVM
 * under {@link TargetControl}. Configuration comes from the environment like {@code tabula serve}
 * ({@code TABULA_*}), with the port and the number of call-memory slots from the arguments.
 *
 * <p>Run: {@code java -cp load-tests/target/benchmarks.jar io.tabula.load.agi.EngineTarget <port>
 * <slots>}.
 */
public final class EngineTarget {

  private EngineTarget() {}

  public static void main(String[] args) throws Exception {
    NettyDefaults.apply();
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("TABULA_AGI_PORT", args.length > 0 ? args[0] : "4573");
    environment.put("TABULA_MEMORY_SLOTS", args.length > 1 ? args[1] : "10000");
    EngineConfig config = EngineConfigLoader.load(null, environment);
    // The load call's collect is not secure, so the recording is never muted.
    Engine engine =
        Engine.start(
            config,
            LoadCallFlow.handlers(),
            new UnmutedRecordingControl(),
            new SimpleMeterRegistry());
    long reserved = (long) config.memory().slots() * config.memory().slotBytes();
    TargetControl.serve(
        engine.address().getPort(), () -> reserved, () -> engine.shutdown(Duration.ofSeconds(5)));
  }
}
