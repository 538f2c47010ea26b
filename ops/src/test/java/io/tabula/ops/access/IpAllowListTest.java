package io.tabula.ops.access;

import static io.tabula.ops.access.AccessFixture.sixDigits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.account.SignInOutcome.Reason;
import io.tabula.ops.access.role.Role;
import io.tabula.ops.access.session.Cidr;
import io.tabula.ops.access.session.ClientAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("IP allow-list per account or role; X-Forwarded-For only from trusted proxies")
class IpAllowListTest {

  @ParameterizedTest(name = "{1} in {0}: {2}")
  @CsvSource({
    "203.0.113.0/24,203.0.113.9,true",
    "203.0.113.0/24,203.0.114.9,false",
    "10.0.0.0/8,10.255.1.2,true",
    "198.51.100.7,198.51.100.7,true",
    "198.51.100.7/32,198.51.100.8,false",
    "2001:db8::/32,2001:db8:1::5,true",
    "2001:db8::/32,2001:db9::5,false",
    "0.0.0.0/0,192.0.2.1,true",
    "10.0.0.0/8,::ffff:10.0.0.1,true"
  })
  void cidrContains(String cidr, String address, boolean contained) {
    assertThat(Cidr.parse(cidr).contains(Cidr.address(address))).isEqualTo(contained);
  }

  @ParameterizedTest
  @CsvSource({"example.com", "10.0.0.0/33", "10.0.0/8x", "'1.2.3.4/'"})
  void aHostNameOrBadPrefixIsRefusedWithoutAnyDnsLookup(String text) {
    assertThatThrownBy(() -> Cidr.parse(text)).hasMessageContaining("203.0.113.0/24");
  }

  @Test
  void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
    ClientAddresses addresses = new ClientAddresses(List.of(Cidr.parse("10.0.0.0/24")));
    InetAddress proxy = Cidr.address("10.0.0.5");
    InetAddress stranger = Cidr.address("192.0.2.50");
    assertThat(addresses.client(stranger, Optional.of("203.0.113.9")).getHostAddress())
        .isEqualTo("192.0.2.50");
    assertThat(addresses.client(proxy, Optional.of("203.0.113.9")).getHostAddress())
        .isEqualTo("203.0.113.9");
    // A client that forges a first hop gets its real address read, not the forged one.
    assertThat(
            addresses
                .client(proxy, Optional.of("198.51.100.1, 203.0.113.9, 10.0.0.6"))
                .getHostAddress())
        .isEqualTo("203.0.113.9");
    assertThat(addresses.client(proxy, Optional.empty()).getHostAddress()).isEqualTo("10.0.0.5");
    assertThat(addresses.client(proxy, Optional.of("bogus")).getHostAddress())
        .isEqualTo("10.0.0.5");
  }

  @Test
  void anAccountsOwnListRefusesSignInFromElsewhere() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      long id = f.access.accounts().require("ana").id();
      f.access.accounts().setAllowedNetworks(id, List.of("198.51.100.0/24"));
      f.clock.advance(Duration.ofSeconds(30));
      assertThat(
              f.signInFrom(
                  "ana",
                  "tram7-violet-harbour",
                  sixDigits(f.currentCode(secret)),
                  Cidr.address("203.0.113.9")))
          .isEqualTo(new SignInOutcome.Refused(Reason.ADDRESS_NOT_ALLOWED));
      assertThat(f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(secret))))
          .isInstanceOf(SignInOutcome.SignedIn.class);
    }
  }

  @Test
  void aRolesListAppliesToEveryoneHoldingTheRole() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      f.access.admin().grant(AccessFixture.ADMIN, "ana", "city", Role.ADMIN);
      f.access.grants().allowNetwork(Role.ADMIN, "10.20.0.0/16");
      f.clock.advance(Duration.ofSeconds(30));
      assertThat(f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(secret))))
          .isEqualTo(new SignInOutcome.Refused(Reason.ADDRESS_NOT_ALLOWED));
      assertThat(
              f.signInFrom(
                  "ana",
                  "tram7-violet-harbour",
                  sixDigits(f.currentCode(secret)),
                  Cidr.address("10.20.3.4")))
          .isInstanceOf(SignInOutcome.SignedIn.class);
    }
  }
}
