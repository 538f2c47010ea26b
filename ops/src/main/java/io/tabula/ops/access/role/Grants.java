package io.tabula.ops.access.role;

import io.tabula.ops.access.AccessStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** The {@code role_grants} and {@code role_networks} tables. */
public final class Grants {

  private final DataSource dataSource;

  public Grants(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Grants {@code role} on {@code tenant}; true when it was not held before. */
  public boolean grant(long accountId, String tenant, Role role, Instant now) {
    return change(
        "insert into role_grants (account_id, tenant, role, granted_at) values (?,?,?,?)"
            + " on conflict do nothing",
        accountId,
        tenant,
        role,
        now);
  }

  /** Revokes; true when it was held. */
  public boolean revoke(long accountId, String tenant, Role role) {
    return change(
        "delete from role_grants where account_id = ? and tenant = ? and role = ?",
        accountId,
        tenant,
        role,
        null);
  }

  public Map<String, Set<Role>> rolesOf(long accountId) {
    Map<String, Set<Role>> roles = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select tenant, role from role_grants where account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          roles
              .computeIfAbsent(row.getString(1), t -> EnumSet.noneOf(Role.class))
              .add(Role.parse(row.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new AccessStoreException("could not read the account's roles", e);
    }
    return roles;
  }

  /** The CIDRs a role may sign in from; empty means anywhere (subject to the account's own). */
  public List<String> networksOf(Set<Role> roles) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select cidr from role_networks where role = any(?) order by 1")) {
      s.setArray(1, c.createArrayOf("text", roles.stream().map(Role::code).toArray()));
      List<String> cidrs = new java.util.ArrayList<>();
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          cidrs.add(row.getString(1));
        }
      }
      return cidrs;
    } catch (SQLException e) {
      throw new AccessStoreException("could not read the role networks", e);
    }
  }

  public void allowNetwork(Role role, String cidr) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into role_networks (role, cidr) values (?, ?) on conflict do nothing")) {
      s.setString(1, role.code());
      s.setString(2, cidr);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new AccessStoreException("could not store the role network", e);
    }
  }

  private boolean change(String sql, long accountId, String tenant, Role role, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      s.setString(2, tenant);
      s.setString(3, role.code());
      if (now != null) {
        s.setTimestamp(4, Timestamp.from(now));
      }
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new AccessStoreException("could not change the account's roles", e);
    }
  }
}
