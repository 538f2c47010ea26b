package io.tabula.flows.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.run.FlowRunner;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.flows.validate.FlowCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowStoreTest {

  @TempDir Path root;

  private final FlowCompiler compiler = new FlowCompiler(ShippedFlows.catalog());

  private Path source() throws Exception {
    Path file = root.resolve("city/parking-ticket.yaml");
    Files.createDirectories(file.getParent());
    Files.copy(
        ShippedFlows.file("city/parking-ticket.yaml"),
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private static String welcome(CallHandler handler) {
    return ((FlowRunner) handler).flow().promptText("welcome");
  }

  @Test
  void publishedVersionsGoLiveWithoutRestartAndCallsKeepTheirVersion() throws Exception {
    FlowStore store = new FlowStore(root, compiler);
    PublishedFlows flows = new PublishedFlows(store, compiler);
    StoreCallHandlers handlers =
        new StoreCallHandlers(
            flows, DemoConnectors.create(ShippedFlows.CLOCK), RunnerConfig.defaults());
    Path source = source();

    assertThat(store.publish(source)).isEqualTo(1);
    assertThat(flows.refresh()).isEqualTo(1);
    CallHandler runningCall = handlers.find("city", "parking-ticket").orElseThrow();

    Files.writeString(
        source, Files.readString(source).replace("Welcome to the City", "Hello from the City"));
    assertThat(store.publish(source)).isEqualTo(2);
    assertThat(flows.refresh()).isEqualTo(1);

    assertThat(flows.current("city", "parking-ticket").orElseThrow().version()).isEqualTo(2);
    assertThat(welcome(handlers.find("city", "parking-ticket").orElseThrow()))
        .startsWith("Hello from the City");
    assertThat(welcome(runningCall)).startsWith("Welcome to the City");
    assertThat(store.versionsOf("city", "parking-ticket").resolve("000001.yaml")).isReadable();
    assertThat(
            Files.getPosixFilePermissions(
                store.versionsOf("city", "parking-ticket").resolve("000001.yaml")))
        .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void anInvalidEditIsNotPublishedAndTheProblemsSayWhy() throws Exception {
    FlowStore store = new FlowStore(root, compiler);
    Path source = source();
    store.publish(source);
    Files.writeString(
        source,
        Files.readString(source)
            .replace("next: ask-ticket\n\n  ask-ticket:", "next: ask-tiket\n\n  ask-ticket:"));

    assertThatThrownBy(() -> store.publish(source))
        .isInstanceOf(PublishRejectedException.class)
        .satisfies(
            e ->
                assertThat(((PublishRejectedException) e).problems().getFirst().message())
                    .isEqualTo("step 'ask-tiket' does not exist (did you mean 'ask-ticket'?)"));
    assertThat(FlowStore.latestVersion(store.versionsOf("city", "parking-ticket"))).contains(1);
  }

  @Test
  void aHandPlacedInvalidVersionNeverGoesLiveAndThePreviousKeepsServing() throws Exception {
    FlowStore store = new FlowStore(root, compiler);
    PublishedFlows flows = new PublishedFlows(store, compiler);
    store.publish(source());
    flows.refresh();
    Files.writeString(
        store.versionsOf("city", "parking-ticket").resolve("000002.yaml"),
        "flow: parking-ticket\nsteps: {}\n");

    assertThat(flows.refresh()).isZero();
    assertThat(flows.current("city", "parking-ticket").orElseThrow().version()).isEqualTo(1);
    assertThat(flows.rejection("city", "parking-ticket").orElseThrow())
        .startsWith(
            "Problems: " + store.versionsOf("city", "parking-ticket").resolve("000002.yaml"))
        .contains(":1:1: error: ")
        .doesNotContain("do not match");
  }

  @Test
  void pollingPicksUpANewVersion() throws Exception {
    FlowStore store = new FlowStore(root, compiler);
    PublishedFlows flows = new PublishedFlows(store, compiler);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> polling = flows.startPolling(scheduler, Duration.ofMillis(20));
      store.publish(source());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> flows.current("city", "parking-ticket").isPresent());
      polling.cancel(false);
    } finally {
      scheduler.shutdownNow();
    }
  }
}
