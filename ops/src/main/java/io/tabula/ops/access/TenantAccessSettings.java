package io.tabula.ops.access;

import io.tabula.ops.access.account.AccountAdmin.Actor;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditTrail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The access settings a tenant's admins choose for that tenant alone, kept in the access database
 * ({@code tenant_settings}); a tenant never set has every one off. A change is recorded in the
 * audit trail before it is made.
 *
 * <pre>{@code
 * access.tenantSettings().setTwoPersonPublishing(actor, "city", true);   // tabula users tenant
 * access.tenantSettings().twoPersonPublishing("city");                   // true
 * }</pre>
 */
public final class TenantAccessSettings {

  private final DataSource dataSource;
  private final AuditTrail trail;

  public TenantAccessSettings(DataSource dataSource, AuditTrail trail) {
    this.dataSource = dataSource;
    this.trail = trail;
  }

  /** Whether a publisher of {@code tenant} may not publish a draft they saved last. */
  public boolean twoPersonPublishing(String tenant) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select two_person_publishing from tenant_settings where tenant = ?")) {
      s.setString(1, tenant);
      try (ResultSet row = s.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new AccessStoreException("could not read the settings of tenant " + tenant, e);
    }
  }

  /** Turns two-person publishing on or off for {@code tenant}; recorded first. */
  public void setTwoPersonPublishing(Actor actor, String tenant, boolean on) {
    trail.record(
        AuditEvent.of(
                actor.login(),
                AuditAction.TENANT_SETTING_CHANGE,
                "two-person-publishing",
                actor.source(),
                Outcome.SUCCESS)
            .withTenant(tenant)
            .withDetail(on ? "on" : "off"));
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into tenant_settings (tenant, two_person_publishing) values (?, ?)"
                    + " on conflict (tenant) do update set two_person_publishing ="
                    + " excluded.two_person_publishing")) {
      s.setString(1, tenant);
      s.setBoolean(2, on);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new AccessStoreException("could not change the settings of tenant " + tenant, e);
    }
  }
}
