package io.tabula.engine.server.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ConnectionCountsTest {

  @Test
  void capsTheTotalAndEachPeerAndReleasesEachAdmissionOnce() throws Exception {
    InetAddress a = InetAddress.getByName("10.0.0.1");
    InetAddress b = InetAddress.getByName("10.0.0.2");
    ConnectionCounts counts = new ConnectionCounts(3, 2);

    assertThat(counts.admit(a)).isEmpty();
    assertThat(counts.admit(a)).isEmpty();
    assertThat(counts.admit(a)).contains(Refusal.PEER_LIMIT);
    assertThat(counts.admit(b)).isEmpty();
    assertThat(counts.admit(b)).contains(Refusal.ENGINE_LIMIT);
    assertThat(counts.open()).isEqualTo(3);
    assertThat(counts.open(a)).isEqualTo(2);

    counts.release(a);
    assertThat(counts.open()).isEqualTo(2);
    assertThat(counts.admit(b)).isEmpty();
    counts.release(a);
    counts.release(b);
    counts.release(b);

    assertThat(counts.open()).isZero();
    assertThat(counts.peers()).as("no entry left for peers without connections").isZero();
  }
}
