package io.tabula.engine.server;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.flows.port.CallHandlers;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.time.Duration;

/** Engines on a free loopback port with a small pool, for tests. */
final class TestEngines {

  private TestEngines() {}

  static EngineConfig config(int slots) {
    return EngineConfig.defaults()
        .withPort(0)
        .withMemory(CallMemoryPoolConfig.defaults().withSlots(slots))
        .withShutdownDeadline(Duration.ofSeconds(5));
  }

  static Engine start(int slots, CallHandlers handlers) {
    return start(config(slots), handlers, new UnmutedRecordingControl());
  }

  static Engine start(EngineConfig config, CallHandlers handlers) {
    return start(config, handlers, new UnmutedRecordingControl());
  }

  static Engine start(EngineConfig config, CallHandlers handlers, RecordingControl recording) {
    return Engine.start(config, handlers, recording, new SimpleMeterRegistry());
  }
}
