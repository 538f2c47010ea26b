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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
  void aVersionTheGateHoldsBackWaitsAndGoesLiveOnceTheGateLetsItWithoutANewPublish()
      throws Exception {
    FlowStore store = new FlowStore(root, compiler);
    PublishedFlows flows = new PublishedFlows(store, compiler);
    Path source = source();
    store.publish(source);
    flows.refresh();
    java.util.concurrent.atomic.AtomicBoolean audioThere =
        new java.util.concurrent.atomic.AtomicBoolean(false);
    flows.admitOnly(
        flow ->
            audioThere.get()
                ? java.util.Optional.empty()
                : java.util.Optional.of("prompt 'welcome' (en) has no audio"));
    Files.writeString(
        source, Files.readString(source).replace("Welcome to the City", "Hello from the City"));
    store.publish(source);

    assertThat(flows.refresh()).isZero();
    assertThat(flows.refresh()).isZero();
    assertThat(flows.current("city", "parking-ticket").orElseThrow().version()).isEqualTo(1);
    assertThat(flows.rejection("city", "parking-ticket"))
        .contains("prompt 'welcome' (en) has no audio");

    audioThere.set(true);
    assertThat(flows.refresh()).isEqualTo(1);
    assertThat(flows.current("city", "parking-ticket").orElseThrow().version()).isEqualTo(2);
    assertThat(flows.rejection("city", "parking-ticket")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tenant: city|tenant: \"../../escaped\"",
        "flow: parking-ticket|flow: \"../../../escaped\"",
        "tenant: city|tenant: /tmp",
        "tenant: city|tenant: \"..\"",
        "tenant: city|tenant: \"ci ty\""
      })
  void aTenantOrFlowThatIsNotANameIsRejectedAtParseTimeAndNothingIsWritten(String edit)
      throws Exception {
    Path storeRoot = root.resolve("a/store");
    FlowStore store = new FlowStore(storeRoot, compiler);
    Path source = source();
    String[] change = edit.split("\\|");
    Files.writeString(source, Files.readString(source).replace(change[0], change[1]));

    assertThatThrownBy(() -> store.publish(source))
        .isInstanceOf(PublishRejectedException.class)
        .satisfies(
            e ->
                assertThat(((PublishRejectedException) e).problems())
                    .anySatisfy(
                        d -> {
                          assertThat(d.message()).contains("is not a name");
                          assertThat(d.fix()).contains("letters, digits, _ and -");
                        }));
    assertThat(root.resolve("a/escaped")).doesNotExist();
    assertThat(root.resolve("escaped")).doesNotExist();
    assertThat(storeRoot).doesNotExist();
  }

  @Test
  void aStorePathThatLeavesItsRootIsRefused() throws Exception {
    FlowStore store = new FlowStore(root.resolve("store"), compiler);

    assertThatThrownBy(() -> store.versionsOf("..", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant");
    assertThatThrownBy(() -> store.versionsOf("city", "../../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flow");
  }

  @Test
  void aPublishedFolderLinkedOutOfTheStoreIsNeitherWrittenNorRead() throws Exception {
    Path storeRoot = root.resolve("store");
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.createDirectories(storeRoot.resolve(FlowStore.PUBLISHED));
    Files.createSymbolicLink(storeRoot.resolve(FlowStore.PUBLISHED).resolve("city"), outside);
    FlowStore store = new FlowStore(storeRoot, compiler);

    assertThatThrownBy(() -> store.publish(source()))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("outside the flow store");
    try (var left = Files.list(outside)) {
      assertThat(left).isEmpty();
    }

    Path planted = Files.createDirectories(outside.resolve("parking-ticket"));
    Files.copy(ShippedFlows.file("city/parking-ticket.yaml"), planted.resolve("000001.yaml"));
    PublishedFlows flows = new PublishedFlows(store, compiler);
    assertThat(flows.refresh()).isZero();
    assertThat(flows.current("city", "parking-ticket")).isEmpty();
  }

  @Test
  void aVersionFileLinkedOutOfTheStoreIsNotRead() throws Exception {
    FlowStore store = new FlowStore(root.resolve("store"), compiler);
    PublishedFlows flows = new PublishedFlows(store, compiler);
    store.publish(source());
    flows.refresh();
    Path outside = root.resolve("outside.yaml");
    Files.writeString(
        outside,
        Files.readString(ShippedFlows.file("city/parking-ticket.yaml"))
            .replace("Welcome to the City", "Planted"));
    Files.createSymbolicLink(
        store.versionsOf("city", "parking-ticket").resolve("000002.yaml"), outside);

    assertThat(flows.refresh()).isZero();
    assertThat(flows.current("city", "parking-ticket").orElseThrow().version()).isEqualTo(1);
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
