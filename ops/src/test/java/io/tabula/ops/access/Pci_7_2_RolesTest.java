package io.tabula.ops.access;

import static io.tabula.ops.access.AccessFixture.sixDigits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.role.AccessDeniedException;
import io.tabula.ops.access.role.Authorizer;
import io.tabula.ops.access.role.Permission;
import io.tabula.ops.access.role.Principal;
import io.tabula.ops.access.role.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PCI DSS 7.2.1, 7.2.2: least privilege, roles per tenant, tenants kept apart")
class Pci_7_2_RolesTest {

  private static final Authorizer AUTHORIZER = new Authorizer();

  private static Principal with(String tenant, Role... roles) {
    return new Principal(1, "ana", Map.of(tenant, Set.of(roles)));
  }

  @Test
  void aNewAccountHasNoRoleAndMayDoNothing() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      var signedIn =
          (SignInOutcome.SignedIn)
              f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(secret)));
      Principal ana = signedIn.principal();
      assertThat(ana.rolesByTenant()).isEmpty();
      assertThat(AUTHORIZER.visibleTenants(ana)).isEmpty();
      for (Permission p : Permission.values()) {
        assertThat(AUTHORIZER.may(ana, p, "city")).as(p.name()).isFalse();
      }
    }
  }

  @Test
  void eachRoleGrantsItsOwnPermissionsAndNoneImpliesAnother() {
    assertThat(AUTHORIZER.permissions(with("city", Role.VIEWER), "city"))
        .containsExactlyInAnyOrder(Permission.READ_FLOWS, Permission.READ_DASHBOARDS);
    assertThat(AUTHORIZER.permissions(with("city", Role.EDITOR), "city"))
        .contains(Permission.SAVE_DRAFT, Permission.SIMULATE)
        .doesNotContain(Permission.PUBLISH);
    assertThat(AUTHORIZER.permissions(with("city", Role.PUBLISHER), "city"))
        .contains(Permission.PUBLISH, Permission.ROLL_BACK)
        .doesNotContain(Permission.SAVE_DRAFT);
    assertThat(AUTHORIZER.permissions(with("city", Role.AUDITOR), "city"))
        .containsExactlyInAnyOrder(
            Permission.READ_AUDIT_TRAIL,
            Permission.EXPORT_AUDIT_TRAIL,
            Permission.RUN_AUDITS,
            Permission.JOURNAL_COUNT);
    assertThat(AUTHORIZER.permissions(with("city", Role.ADMIN), "city"))
        .containsExactlyInAnyOrder(
            Permission.MANAGE_ACCOUNTS,
            Permission.MANAGE_ROLES,
            Permission.JOURNAL_KEYS,
            Permission.JOURNAL_ERASE);
    assertThat(AUTHORIZER.permissions(with("city", Role.REP), "city"))
        .containsExactlyInAnyOrder(Permission.JOURNAL_SEARCH, Permission.JOURNAL_REIDENTIFY);
  }

  @Test
  void anEditorIsRefusedAPublish() {
    assertThatThrownBy(
            () -> AUTHORIZER.check(with("city", Role.EDITOR), Permission.PUBLISH, "city"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage(
            "ana may not publish on tenant city: ask an admin of that tenant for a role that"
                + " grants it");
  }

  @Test
  void nothingOfTenantAIsVisibleToAUserOfTenantB() {
    Principal cityAdmin = new Principal(1, "ana", Map.of("city", EnumSet.allOf(Role.class)));
    assertThat(AUTHORIZER.visibleTenants(cityAdmin)).containsExactly("city");
    assertThat(AUTHORIZER.permissions(cityAdmin, "utility")).isEmpty();
    for (Permission p : Permission.values()) {
      assertThat(AUTHORIZER.may(cityAdmin, p, "utility")).as(p.name()).isFalse();
    }
  }

  @Test
  void twoPersonPublishingOnForEveryTenantRefusesTheLastSaverOfADraftOnAnyTenant()
      throws Exception {
    try (AccessFixture f =
        AccessFixture.open(AccessSettings.defaults().withTwoPersonPublishing(true))) {
      f.recordDraftSave("ana", "utility", "balance");

      assertThatThrownBy(() -> f.access.twoPersonPublishing().check("ana", "utility", "balance"))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("ask another publisher of utility to publish it");
      f.access.twoPersonPublishing().check("bo", "utility", "balance");
      f.access.twoPersonPublishing().check("ana", "utility", "never-drafted");
    }
  }

  @Test
  void withTwoPersonPublishingOffTheLastSaverOfADraftMayPublishIt() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.recordDraftSave("ana", "utility", "balance");

      f.access.twoPersonPublishing().check("ana", "utility", "balance");
    }
  }

  @Test
  void rolesGrantedAndRevokedPerTenantReachThePrincipalAtSignIn() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      f.access.admin().grant(AccessFixture.ADMIN, "ana", "city", Role.EDITOR);
      f.access.admin().grant(AccessFixture.ADMIN, "ana", "utility", Role.VIEWER);
      f.access.admin().revoke(AccessFixture.ADMIN, "ana", "utility", Role.VIEWER);
      f.clock.advance(Duration.ofSeconds(30));
      var signedIn =
          (SignInOutcome.SignedIn)
              f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(secret)));
      assertThat(signedIn.principal().rolesByTenant())
          .isEqualTo(Map.of("city", Set.of(Role.EDITOR)));
    }
  }
}
