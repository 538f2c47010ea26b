package io.tabula.flows.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedFlowFilesTest {

  @TempDir Path dir;

  private Path checkout() throws Exception {
    Files.createDirectories(dir.resolve("flows"));
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    Files.writeString(dir.resolve("mvnw"), "#!/bin/sh");
    Files.writeString(dir.resolve("flows").resolve(ShippedFlowFiles.SCHEMA), "{}");
    Files.createDirectories(dir.resolve("ivr-engine/target/classes"));
    return dir;
  }

  @Test
  void theJarOfACheckoutReadsThatCheckoutsFlowsFolder() throws Exception {
    Path root = checkout();

    assertThat(
            ShippedFlowFiles.checkoutFlows(
                Optional.of(root.resolve("ivr-engine/target/tabula.jar"))))
        .contains(root.resolve("flows").toAbsolutePath().normalize());
    assertThat(
            ShippedFlowFiles.checkoutFlows(Optional.of(root.resolve("call-flows/target/classes"))))
        .contains(root.resolve("flows").toAbsolutePath().normalize());
  }

  @Test
  void aJarOutsideACheckoutReadsItsOwnCopies() throws Exception {
    Path root = checkout();
    Files.delete(root.resolve("mvnw"));

    assertThat(
            ShippedFlowFiles.checkoutFlows(
                Optional.of(root.resolve("ivr-engine/target/tabula.jar"))))
        .isEmpty();
    assertThat(ShippedFlowFiles.checkoutFlows(Optional.of(Path.of("/opt/tabula/tabula.jar"))))
        .isEmpty();
    assertThat(ShippedFlowFiles.checkoutFlows(Optional.empty())).isEmpty();
  }

  @Test
  void testsRunFromThisCheckoutSoTheFlowsComeFromItsFolder() throws Exception {
    Path flows = ShippedFlows.repo().resolve("flows").toAbsolutePath().normalize();

    assertThat(ShippedFlowFiles.names())
        .containsExactlyInAnyOrderElementsOf(ShippedFlowFiles.FLOWS);
    assertThat(ShippedFlowFiles.origin()).startsWith(flows.toString());
    assertThat(ShippedFlowFiles.read("city/parking-ticket.yaml"))
        .contains(Files.readString(flows.resolve("city/parking-ticket.yaml")));
    assertThat(ShippedFlowFiles.read("../pom.xml")).isEmpty();
  }
}
