package io.tabula.engine.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.pbx.ami.VirtualAmiOptions;
import io.tabula.engine.pbx.ami.VirtualAmiServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmiLinksTest {

  @Test
  void oneLinkPerEndpointWithHealthAndPeerLookup() throws Exception {
    try (VirtualAmiServer a = VirtualAmiServer.start(VirtualAmiOptions.defaults("u", "s1"));
        VirtualAmiServer b = VirtualAmiServer.start(VirtualAmiOptions.defaults("u", "s2"))) {
      AmiConfig config =
          new AmiConfig(
              List.of(
                  new AmiEndpoint("a", "127.0.0.1", a.port(), "u", AmiSecret.of("s1")),
                  new AmiEndpoint("b", "localhost", b.port(), "u", AmiSecret.of("s2"))),
              AmiLinkOptions.defaults());
      try (AmiLinks links = AmiLinks.start(config, new SimpleMeterRegistry())) {
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> links.health().stream().allMatch(AmiLinkHealth::healthy));

        assertThat(links.health()).extracting(AmiLinkHealth::asterisk).containsExactly("a", "b");
        assertThat(links.forAgiPeer(InetAddress.getByName("127.0.0.1")))
            .hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("a"));
        assertThat(links.forAgiPeer(InetAddress.getByName("192.0.2.1"))).isEmpty();
        assertThat(a.logins()).isEqualTo(1);
        assertThat(b.logins()).isEqualTo(1);
      }
    }
  }

  @Test
  void aSingleLinkServesOnlyTheAsteriskItsHostResolvesTo() throws Exception {
    try (VirtualAmiServer a = VirtualAmiServer.start(VirtualAmiOptions.defaults("u", "s1"))) {
      AmiConfig config =
          new AmiConfig(
              List.of(new AmiEndpoint("a", "127.0.0.1", a.port(), "u", AmiSecret.of("s1"))),
              AmiLinkOptions.defaults());
      try (AmiLinks links = AmiLinks.start(config, new SimpleMeterRegistry())) {
        assertThat(links.forAgiPeer(InetAddress.getByName("127.0.0.1"))).isPresent();
        assertThat(links.forAgiPeer(InetAddress.getByName("::1"))).isPresent();
        assertThat(links.forAgiPeer(InetAddress.getByName("192.0.2.1"))).isEmpty();
      }
    }
  }

  @Test
  void duplicateNamesAreRejectedWithAHint() {
    AmiEndpoint e = new AmiEndpoint("x", "127.0.0.1", 5038, "u", AmiSecret.of("s"));
    assertThatThrownBy(() -> new AmiConfig(List.of(e, e), AmiLinkOptions.defaults()))
        .hasMessageContaining("give each Asterisk its own name");
  }

  @Test
  void theSecretNeverShowsInToString(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("ami.secret");
    java.nio.file.Files.writeString(file, "file-secret\n");
    AmiEndpoint e = new AmiEndpoint("x", "127.0.0.1", 5038, "u", AmiSecret.fromFile(file));

    assertThat(e.toString()).doesNotContain("file-secret").contains("redacted");
    assertThat(e.secret().reveal()).isEqualTo("file-secret");
    assertThat(AmiSecret.fromEnvironment("AMI", java.util.Map.of("AMI", "env-secret")).reveal())
        .isEqualTo("env-secret");
    assertThatThrownBy(() -> AmiSecret.fromEnvironment("MISSING_AMI_VAR", java.util.Map.of()))
        .hasMessageContaining("MISSING_AMI_VAR");
  }

  @Test
  void backoffDoublesWithinItsBounds() {
    AmiBackoff backoff = new AmiBackoff(Duration.ofMillis(100), Duration.ofSeconds(30));
    assertThat(backoff.ceilingMillis(0)).isEqualTo(100);
    assertThat(backoff.ceilingMillis(3)).isEqualTo(800);
    assertThat(backoff.ceilingMillis(40)).isEqualTo(30_000);
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.delay(2).toMillis()).isBetween(200L, 400L);
    }
  }
}
