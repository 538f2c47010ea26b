package io.tabula.ops.console;

import io.tabula.ops.access.role.Principal;
import java.util.Map;

/**
 * Who is signed in to the console: a name for the history, and the access library's principal
 * (roles per tenant) for what they may do where.
 */
public record Account(String name, Principal principal) {

  /** An actor that is not a person (the shipped flows' first publish); it holds no role. */
  public static Account system(String name) {
    return new Account(name, new Principal(0, name, Map.of()));
  }

  /** True when the account's roles on {@code tenant} grant what {@code needed} stands for. */
  public boolean may(Role needed, String tenant) {
    return tenant != null
        && principal.rolesOn(tenant).stream()
            .anyMatch(role -> role.permissions().contains(needed.permission()));
  }
}
