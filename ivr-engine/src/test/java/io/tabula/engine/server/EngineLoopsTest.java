package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineLoopsTest {

  @Test
  void zeroIoThreadsMeansOneEventLoopPerCoreAsDocumented() {
    // Netty's own meaning of 0 is two per core, which docs/engine.md does not promise.
    assertThat(Engine.ioThreads(EngineConfig.defaults()))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void anExplicitIoThreadCountIsKept() {
    EngineConfig config = EngineConfigLoader.load(null, Map.of("TABULA_AGI_IO_THREADS", "3"));

    assertThat(Engine.ioThreads(config)).isEqualTo(3);
  }
}
