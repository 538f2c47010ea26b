package io.tabula.load.agi;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.engine.server.Engine;
import io.tabula.engine.server.NettyDefaults;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.flows.port.CallHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The engine target: Tabula's Netty FastAGI engine running the load call, in its own JVM under
 * {@link TargetControl}. By default the call is a YAML flow run by the flow interpreter ({@link
 * LoadFlows}), the path the shipped flows take; {@code java} runs the hand-written {@link
 * LoadCallFlow} instead, for comparison. Configuration comes from the environment like {@code
 * tabula serve} ({@code TABULA_*}), with the port and the number of call-memory slots from the
 * arguments.
 *
 * <p>Run: {@code java -cp load-tests/target/benchmarks.jar io.tabula.load.agi.EngineTarget <port>
 * <slots> [flow|java]}.
 */
public final class EngineTarget {

  private EngineTarget() {}

  /** What runs the load call on the engine ({@code LoadRun --engine-handler}). */
  enum Handler {
    /** The load call as a YAML flow through the flow store and the flow interpreter. */
    FLOW,
    /** The hand-written {@link LoadCallFlow}, a plain call handler. */
    JAVA;

    static Handler parse(String name) {
      return switch (name) {
        case "flow" -> FLOW;
        case "java" -> JAVA;
        default ->
            throw new IllegalArgumentException(
                "unknown engine handler '" + name + "'; use flow or java");
      };
    }
  }

  public static void main(String[] args) throws Exception {
    NettyDefaults.apply();
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("TABULA_AGI_PORT", args.length > 0 ? args[0] : "4573");
    environment.put("TABULA_MEMORY_SLOTS", args.length > 1 ? args[1] : "10000");
    Handler handler = Handler.parse(args.length > 2 ? args[2] : "flow");
    EngineConfig config = EngineConfigLoader.load(null, environment);
    LoadFlows flows = handler == Handler.FLOW ? LoadFlows.publish() : null;
    CallHandlers handlers = flows != null ? flows.handlers() : LoadCallFlow.handlers();
    // The load call's collect is not secure, so the recording is never muted.
    Engine engine =
        Engine.start(config, handlers, new UnmutedRecordingControl(), new SimpleMeterRegistry());
    long reserved = (long) config.memory().slots() * config.memory().slotBytes();
    TargetControl.serve(
        engine.address().getPort(),
        () -> reserved,
        () -> {
          engine.shutdown(Duration.ofSeconds(5));
          if (flows != null) {
            flows.close();
          }
        });
  }
}
