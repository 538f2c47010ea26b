package io.tabula.ops.access.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.AccessFixture;
import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("tabula users add|list|roles|reset|unlock|sign-out, each change in the trail")
class UsersCommandTest {

  private static final Pattern ONE_TIME = Pattern.compile("first sign-in\\): (\\S+)");

  @Test
  void addListRolesResetUnlockAsAnOperatorWould() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      CliRun add =
          CliRun.run(new UsersCommand(), f.dbSettings, "add", "ana", "--role", "city:editor");
      assertThat(add.exit()).as(add.err()).isZero();
      Matcher password = ONE_TIME.matcher(add.out());
      assertThat(password.find()).as(add.out()).isTrue();
      assertThat(f.signIn("ana", password.group(1), null))
          .isInstanceOf(SignInOutcome.PasswordChangeRequired.class);

      CliRun roles =
          CliRun.run(
              new UsersCommand(),
              f.dbSettings,
              "roles",
              "ana",
              "--grant",
              "city:publisher",
              "--revoke",
              "city:editor");
      assertThat(roles.out()).contains("ana: city:publisher");

      CliRun list = CliRun.run(new UsersCommand(), f.dbSettings, "list");
      assertThat(list.out()).containsPattern("ana\\s+no\\s+no\\s+yes\\s+city:publisher");

      CliRun reset = CliRun.run(new UsersCommand(), f.dbSettings, "reset", "ana");
      Matcher second = ONE_TIME.matcher(reset.out());
      assertThat(second.find()).isTrue();
      assertThat(second.group(1)).isNotEqualTo(password.group(1));

      assertThat(CliRun.run(new UsersCommand(), f.dbSettings, "unlock", "ana").exit()).isZero();
      assertThat(CliRun.run(new UsersCommand(), f.dbSettings, "sign-out", "ana").out())
          .contains("Ended 0 session(s) of ana.");

      assertThat(f.access.trailReader().all())
          .extracting(AuditRecord::event)
          .extracting(e -> e.action())
          .contains(
              AuditAction.ACCOUNT_CREATE,
              AuditAction.ROLE_GRANT,
              AuditAction.ROLE_REVOKE,
              AuditAction.PASSWORD_RESET,
              AuditAction.UNLOCK,
              AuditAction.SIGN_OUT);
      assertThat(f.access.trailReader().all())
          .allSatisfy(r -> assertThat(r.event().toString()).doesNotContain(password.group(1)));
    }
  }

  @Test
  void aTenantsTwoPersonPublishingIsShownSetAndRecorded() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      assertThat(CliRun.run(new UsersCommand(), f.dbSettings, "tenant", "city").out())
          .contains("city: two-person publishing off");

      CliRun on =
          CliRun.run(
              new UsersCommand(), f.dbSettings, "tenant", "city", "--two-person-publishing", "on");

      assertThat(on.exit()).as(on.err()).isZero();
      assertThat(on.out()).contains("city: two-person publishing on");
      assertThat(f.access.tenantSettings().twoPersonPublishing("city")).isTrue();
      assertThat(f.access.tenantSettings().twoPersonPublishing("utility")).isFalse();
      assertThat(f.access.trailReader().all())
          .extracting(AuditRecord::event)
          .filteredOn(e -> e.action() == AuditAction.TENANT_SETTING_CHANGE)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.tenant()).isEqualTo("city");
                assertThat(e.target()).isEqualTo("two-person-publishing");
                assertThat(e.detail()).isEqualTo("on");
              });

      CliRun wrong =
          CliRun.run(
              new UsersCommand(), f.dbSettings, "tenant", "city", "--two-person-publishing", "yes");
      assertThat(wrong.exit()).isEqualTo(2);
      assertThat(wrong.err()).contains("takes on or off");
      assertThat(
              CliRun.run(
                      new UsersCommand(),
                      f.dbSettings,
                      "tenant",
                      "city",
                      "--two-person-publishing",
                      "off")
                  .out())
          .contains("city: two-person publishing off");
    }
  }

  @Test
  void anUnknownAccountOrRoleIsAClearError() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      CliRun unknown = CliRun.run(new UsersCommand(), f.dbSettings, "unlock", "nobody");
      assertThat(unknown.exit()).isEqualTo(1);
      assertThat(unknown.err())
          .contains("no account 'nobody'; list accounts with tabula users list");
      CliRun badRole =
          CliRun.run(new UsersCommand(), f.dbSettings, "add", "bo", "--role", "city:owner");
      assertThat(badRole.exit()).isEqualTo(2);
      assertThat(badRole.err()).contains("use viewer, editor, publisher, auditor, admin or rep");
      assertThat(f.access.accounts().find("bo")).isEmpty();
    }
  }
}
