package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  @Test
  void theReplySweepRunsOnItsOwnThreadAndStopsWithTheEngine() throws InterruptedException {
    Engine engine = TestEngines.start(1, (tenant, flow) -> Optional.empty());
    List<Thread> sweepers = threadsNamed("agi-reply-sweep");
    assertThat(sweepers).hasSize(1);
    assertThat(sweepers.getFirst().isDaemon()).isTrue();

    engine.shutdown(Duration.ZERO);
    assertThat(sweepers.getFirst().join(Duration.ofSeconds(10))).as("sweep thread ended").isTrue();
  }

  @Test
  void livenessNamesAnEventLoopThatDoesNotAnswerAndPassesOnceItDoes() throws Exception {
    Engine engine = TestEngines.start(1, (tenant, flow) -> Optional.empty());
    try {
      assertThat(engine.eventLoopsNotAnswering(Duration.ofSeconds(5))).isEmpty();
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
      engine
          .loops()
          .next()
          .execute(
              () -> {
                held.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      held.await();

      assertThat(engine.eventLoopsNotAnswering(Duration.ofMillis(200)))
          .singleElement()
          .asString()
          .contains("did not answer within 200 ms");

      release.countDown();
      assertThat(engine.eventLoopsNotAnswering(Duration.ofSeconds(5))).isEmpty();
    } finally {
      engine.shutdown(Duration.ZERO);
    }
  }

  private static List<Thread> threadsNamed(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name))
        .toList();
  }
}
