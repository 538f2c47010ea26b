package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The redirect URI {@code tabula console} derives from --address and --port, when it can. */
class ConsoleSsoTest {

  @Test
  void aLoopbackConsoleIsLocalhostAsItsUrlSays() {
    assertThat(ConsoleSso.callback("127.0.0.1", 9443))
        .contains(URI.create("https://localhost:9443/oidc/callback"));
  }

  @Test
  void anAddressIsKeptAndAnIpv6OneBracketed() {
    assertThat(ConsoleSso.callback("10.0.5.20", 9443))
        .contains(URI.create("https://10.0.5.20:9443/oidc/callback"));
    assertThat(ConsoleSso.callback("fd00::20", 9443))
        .contains(URI.create("https://[fd00::20]:9443/oidc/callback"));
  }

  @Test
  void aWildcardAddressOrAPickedPortGivesNoneSoTheFileMustSayIt() {
    assertThat(ConsoleSso.callback("0.0.0.0", 9443)).isEmpty();
    assertThat(ConsoleSso.callback("::", 9443)).isEmpty();
    assertThat(ConsoleSso.callback("127.0.0.1", 0)).isEmpty();
  }
}
