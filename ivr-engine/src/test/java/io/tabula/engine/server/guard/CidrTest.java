package io.tabula.engine.server.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.0/8, 127.0.0.1, true",
    "127.0.0.0/8, 127.255.1.2, true",
    "127.0.0.0/8, 128.0.0.1, false",
    "10.1.2.3, 10.1.2.3, true",
    "10.1.2.3, 10.1.2.4, false",
    "10.1.2.3/24, 10.1.2.200, true",
    "0.0.0.0/0, 203.0.113.9, true",
    "::1, ::1, true",
    "::1, ::2, false",
    "2001:db8::/32, 2001:db8:ffff::1, true",
    "2001:db8::/32, 2001:db9::1, false",
    "127.0.0.0/8, ::1, false",
    "::1, 127.0.0.1, false",
    "::ffff:10.0.0.0/104, 10.9.9.9, true",
    "::ffff:10.0.0.0/104, 11.0.0.1, false",
    "::/0, 10.0.0.1, false"
  })
  void matchesByPrefix(String block, String address, boolean expected) throws Exception {
    assertThat(Cidr.parse(block).contains(InetAddress.getByName(address))).isEqualTo(expected);
  }

  @Test
  void anIpv4MappedPeerIsJudgedAsTheIpv4AddressItCarries() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    // What a dual-stack socket may report: an Inet6Address holding ::ffff:127.0.0.1.
    InetAddress peer = Inet6Address.getByAddress(null, mapped, -1);
    assertThat(peer).isInstanceOf(Inet6Address.class);

    assertThat(Cidr.parse("127.0.0.0/8").contains(peer)).isTrue();
    assertThat(Cidr.parse("::1").contains(peer)).isFalse();
    assertThat(Cidr.normalize(peer)).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(Cidr.of(peer)).isEqualTo(Cidr.parse("127.0.0.1/32"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pbx1.example",
        "localhost",
        "10.0.0.0/33",
        "::1/129",
        "10.0.0.0/-1",
        "10.0.0/8",
        "10.0.0.0/x",
        "::ffff:10.0.0.0/80",
        "300.1.1.1"
      })
  void refusesWhatIsNotAnAddressBlock(String entry) {
    assertThatThrownBy(() -> Cidr.parse(entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(entry);
  }

  @Test
  void clearsHostBitsAndPrintsTheBlock() {
    assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
    assertThat(Cidr.parse(" ::1 ")).hasToString("0:0:0:0:0:0:0:1/128");
  }
}
