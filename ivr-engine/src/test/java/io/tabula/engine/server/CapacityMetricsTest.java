package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.flows.port.CallHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The autoscaler's signals, read from the registry while real calls run over loopback. */
class CapacityMetricsTest {

  @Test
  void callsInProgressPerTenantHeadroomUtilizationAndDraining() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    CountDownLatch hold = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(3);
    CallHandler holding =
        call -> {
          started.countDown();
          try {
            hold.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          call.hangup();
        };
    Engine engine =
        Engine.start(
            TestEngines.config(4),
            (tenant, flow) ->
                List.of("city", "utility").contains(tenant)
                    ? Optional.of(holding)
                    : Optional.empty(),
            new UnmutedRecordingControl(),
            registry);
    try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      assertThat(gauge(registry, "tabula.capacity.headroom")).isEqualTo(4);
      List<CompletableFuture<CallReport>> calls = new ArrayList<>();
      for (String path : List.of("city/a", "city/b", "utility/c")) {
        calls.add(pbx.call(engine.address(), path, ScriptedCaller.keys("")));
      }
      CallReport unknown =
          pbx.call(engine.address(), "nobody/x", ScriptedCaller.keys("")).get(10, TimeUnit.SECONDS);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(tenantGauge(registry, "city")).isEqualTo(2);
      assertThat(tenantGauge(registry, "utility")).isEqualTo(1);
      assertThat(registry.find("tabula.calls.in_progress").tag("tenant", "nobody").gauge())
          .as("a tenant no flow serves never becomes a tag (" + unknown.outcome() + ")")
          .isNull();
      assertThat(gauge(registry, "tabula.capacity.headroom")).isEqualTo(1);
      assertThat(gauge(registry, "tabula.capacity.utilization")).isEqualTo(0.75);
      assertThat(gauge(registry, "tabula.engine.draining")).isZero();

      hold.countDown();
      for (CompletableFuture<CallReport> call : calls) {
        call.get(10, TimeUnit.SECONDS);
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> tenantGauge(registry, "city") == 0 && tenantGauge(registry, "utility") == 0);
      assertThat(gauge(registry, "tabula.capacity.headroom")).isEqualTo(4);
    } finally {
      Thread.ofVirtual().start(() -> engine.shutdown(Duration.ofSeconds(5)));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> gauge(registry, "tabula.engine.draining") == 1);
      engine.awaitShutdown();
    }
  }

  private static double gauge(MeterRegistry registry, String name) {
    return registry.get(name).gauge().value();
  }

  private static double tenantGauge(MeterRegistry registry, String tenant) {
    return registry.get("tabula.calls.in_progress").tag("tenant", tenant).gauge().value();
  }
}
