package io.tabula.ops.access.cli;

import io.tabula.flows.model.FlowNames;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.AccessDatabase;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.account.Account;
import io.tabula.ops.access.account.AccountNotFoundException;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import io.tabula.ops.access.role.Role;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tabula users add|list|roles|reset|unlock|sign-out}: account administration against the
 * access database. Every change is recorded in the audit trail as {@code cli:<os user>}.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage console accounts and their roles per tenant.",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Roles.class,
      UsersCommand.Reset.class,
      UsersCommand.Unlock.class,
      UsersCommand.SignOut.class,
      UsersCommand.TenantSettings.class,
      UsersCommand.TotpKeygen.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:no such account", "2:bad arguments or database unreachable"})
public final class UsersCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The shared body: open the database, run, map typed errors to exit codes and advice. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AccessDatabaseOptions db;

    abstract void run(AccessControl access, PrintWriter out);

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (AccessDatabase database = db.open()) {
        run(
            new AccessControl(database.dataSource(), AccessSettings.defaults(), Optional.empty()),
            out);
        out.flush();
        return 0;
      } catch (AccountNotFoundException e) {
        err.println(e.getMessage());
        err.flush();
        return 1;
      } catch (RuntimeException e) {
        err.println("users: " + e.getMessage());
        err.flush();
        return 2;
      }
    }
  }

  /** A subcommand about one account, named by the first parameter. */
  abstract static class OneAccount extends Base {
    @Parameters(index = "0", paramLabel = "LOGIN")
    String login;
  }

  /** A {@code tenant:role} pair on the command line. */
  record Grant(String tenant, Role role) {
    /** Parses every pair first, so a typo in the last one changes nothing. */
    static List<Grant> parseAll(List<String> texts) {
      return texts.stream().map(Grant::parse).toList();
    }

    static Grant parse(String text) {
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "'" + text + "' is not TENANT:ROLE; write e.g. city:editor");
      }
      return new Grant(text.substring(0, colon), Role.parse(text.substring(colon + 1)));
    }
  }

  static void printOneTime(PrintWriter out, String login, char[] password) {
    out.print(
        "One-time password for "
            + login
            + " (shown once; it must be changed at first"
            + " sign-in): ");
    out.write(password);
    out.println();
    Arrays.fill(password, '\0');
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Create an account (no role unless --role) and print its one-time password.")
  static final class Add extends OneAccount {
    @Option(
        names = "--role",
        paramLabel = "TENANT:ROLE",
        description = "Grant a role on a tenant (repeatable), e.g. city:editor.")
    List<String> roles = new ArrayList<>();

    @Override
    void run(AccessControl access, PrintWriter out) {
      List<Grant> grants = Grant.parseAll(roles);
      char[] password = access.admin().create(CliActor.current(), login);
      for (Grant grant : grants) {
        access.admin().grant(CliActor.current(), login, grant.tenant(), grant.role());
      }
      out.println(
          "Created " + login + (grants.isEmpty() ? " with no role." : " with " + roles + "."));
      printOneTime(out, login, password);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List accounts: lock-out, MFA, forced password change, roles per tenant.")
  static final class ListUsers extends Base {
    @Override
    void run(AccessControl access, PrintWriter out) {
      Instant now = access.settings().clock().instant();
      out.printf("%-24s %-8s %-5s %-13s %s%n", "LOGIN", "LOCKED", "MFA", "MUST-CHANGE", "ROLES");
      for (Account account : access.accounts().all()) {
        out.printf(
            "%-24s %-8s %-5s %-13s %s%n",
            account.login(),
            account.lockedAt(now) ? "yes" : "no",
            account.totpConfirmed() ? "yes" : "no",
            account.mustChangePassword() ? "yes" : "no",
            roles(access.grants().rolesOf(account.id())));
      }
    }
  }

  static String roles(Map<String, Set<Role>> byTenant) {
    List<String> all = new ArrayList<>();
    new TreeMap<>(byTenant)
        .forEach((tenant, roles) -> roles.forEach(r -> all.add(tenant + ":" + r.code())));
    return all.isEmpty() ? "-" : String.join(",", all);
  }

  @Command(
      name = "roles",
      mixinStandardHelpOptions = true,
      description = "Show an account's roles, granting and revoking first if asked.")
  static final class Roles extends OneAccount {
    @Option(names = "--grant", paramLabel = "TENANT:ROLE", description = "Grant (repeatable).")
    List<String> grant = new ArrayList<>();

    @Option(names = "--revoke", paramLabel = "TENANT:ROLE", description = "Revoke (repeatable).")
    List<String> revoke = new ArrayList<>();

    @Override
    void run(AccessControl access, PrintWriter out) {
      List<Grant> toGrant = Grant.parseAll(grant);
      List<Grant> toRevoke = Grant.parseAll(revoke);
      for (Grant g : toGrant) {
        access.admin().grant(CliActor.current(), login, g.tenant(), g.role());
      }
      for (Grant g : toRevoke) {
        access.admin().revoke(CliActor.current(), login, g.tenant(), g.role());
      }
      out.println(
          login + ": " + roles(access.grants().rolesOf(access.accounts().require(login).id())));
    }
  }

  @Command(
      name = "tenant",
      mixinStandardHelpOptions = true,
      description = "Show a tenant's access settings, changing them first if asked.")
  static final class TenantSettings extends Base {
    @Parameters(index = "0", paramLabel = "TENANT")
    String tenant;

    @Option(
        names = "--two-person-publishing",
        paramLabel = "on|off",
        description =
            "When on, whoever saved a flow's draft last cannot publish it (console and flows"
                + " publish --as): another publisher of the tenant must.")
    String twoPersonPublishing;

    @Override
    void run(AccessControl access, PrintWriter out) {
      if (!FlowNames.isName(tenant)) {
        throw new IllegalArgumentException(
            "'" + tenant + "' is not a tenant name; use " + FlowNames.RULE);
      }
      if (twoPersonPublishing != null) {
        access
            .tenantSettings()
            .setTwoPersonPublishing(CliActor.current(), tenant, onOff(twoPersonPublishing));
      }
      out.println(
          tenant
              + ": two-person publishing "
              + (access.tenantSettings().twoPersonPublishing(tenant) ? "on" : "off"));
    }

    private static boolean onOff(String value) {
      return switch (value) {
        case "on" -> true;
        case "off" -> false;
        default ->
            throw new IllegalArgumentException(
                "--two-person-publishing takes on or off, not '" + value + "'");
      };
    }
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description =
          "Give an account a new one-time password; ends its sessions, clears a lock-out.")
  static final class Reset extends OneAccount {
    @Override
    void run(AccessControl access, PrintWriter out) {
      printOneTime(out, login, access.admin().reset(CliActor.current(), login));
    }
  }

  @Command(
      name = "unlock",
      mixinStandardHelpOptions = true,
      description = "Clear a lock-out before its 30 minutes are up.")
  static final class Unlock extends OneAccount {
    @Override
    void run(AccessControl access, PrintWriter out) {
      access.admin().unlock(CliActor.current(), login);
      out.println("Unlocked " + login + ".");
    }
  }

  @Command(
      name = "sign-out",
      mixinStandardHelpOptions = true,
      description = "End every session of an account (sign-out everywhere).")
  static final class SignOut extends OneAccount {
    @Override
    void run(AccessControl access, PrintWriter out) {
      int ended = access.admin().signOutEverywhere(CliActor.current(), login);
      out.println("Ended " + ended + " session(s) of " + login + ".");
    }
  }

  @Command(
      name = "totp-keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Make the key that seals TOTP secrets in the access database (AES-256, mode 0600).",
        "Keep it where the console runs, never in the database; give it as --totp-key."
      })
  static final class TotpKeygen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
      try {
        TotpSecretCipher.generate(out);
        spec.commandLine().getOut().printf("Wrote %s (mode 0600).%n", out);
        spec.commandLine().getOut().flush();
        return 0;
      } catch (java.io.IOException e) {
        spec.commandLine()
            .getErr()
            .println(
                "Cannot write the key: "
                    + e.getMessage()
                    + "; choose a path that does not exist yet in a writable folder");
        spec.commandLine().getErr().flush();
        return 2;
      }
    }
  }
}
