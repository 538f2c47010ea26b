package io.tabula.ops.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.role.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "PCI DSS 8.3.5: the first admin of an empty database must change the password at first sign-in")
class FirstAdminTest {

  @Test
  void anEmptyDatabaseGetsOneAdminWithAOneTimePasswordAndOnlyOnce() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      char[] password = FirstAdmin.ensure(f.access, List.of("city", "utility")).orElseThrow();
      assertThat(FirstAdmin.ensure(f.access, List.of("city"))).isEmpty();
      assertThat(f.signIn("admin", new String(password), null))
          .isInstanceOf(SignInOutcome.PasswordChangeRequired.class);
      long id = f.access.accounts().require("admin").id();
      assertThat(f.access.grants().rolesOf(id))
          .isEqualTo(Map.of("city", Set.of(Role.ADMIN), "utility", Set.of(Role.ADMIN)));
    }
  }
}
