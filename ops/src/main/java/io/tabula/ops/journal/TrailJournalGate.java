package io.tabula.ops.journal;

import io.tabula.journal.access.JournalAccess;
import io.tabula.journal.access.JournalAccessDeniedException;
import io.tabula.journal.access.JournalAction;
import io.tabula.journal.access.JournalGate;
import io.tabula.journal.access.JournalTrailException;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditTrailException;
import io.tabula.ops.access.role.Permission;
import io.tabula.ops.access.role.Principal;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The journal's gate under access control, for the CLI and the console: the principal's roles on
 * the tenant decide ({@link #permission}), and every access (and every refusal) is a record of the
 * hash-chained audit trail, written before the access happens. If the trail cannot be written the
 * access does not happen ({@link JournalTrailException}).
 */
public final class TrailJournalGate implements JournalGate {

  private final AccessControl access;
  private final Principal principal;
  private final String source;
  private final Runnable onClose;

  /**
   * @param source where the user acts from: the client address, or {@code cli@<host>}
   * @param onClose what closing the gate ends (the CLI's session and database), or nothing
   */
  public TrailJournalGate(
      AccessControl access, Principal principal, String source, Runnable onClose) {
    this.access = access;
    this.principal = principal;
    this.source = source;
    this.onClose = onClose;
  }

  /** The permission each journal action needs on the tenant. */
  public static Permission permission(JournalAction action) {
    return switch (action) {
      case SEARCH -> Permission.JOURNAL_SEARCH;
      case REIDENTIFY -> Permission.JOURNAL_REIDENTIFY;
      case COUNT -> Permission.JOURNAL_COUNT;
      case ERASE, PURGE -> Permission.JOURNAL_ERASE;
      case KEY_CHANGE -> Permission.JOURNAL_KEYS;
    };
  }

  static AuditAction auditAction(JournalAction action) {
    return switch (action) {
      case SEARCH -> AuditAction.JOURNAL_SEARCH;
      case REIDENTIFY -> AuditAction.JOURNAL_REIDENTIFY;
      case COUNT -> AuditAction.JOURNAL_COUNT;
      case ERASE, PURGE -> AuditAction.JOURNAL_ERASE;
      case KEY_CHANGE -> AuditAction.JOURNAL_KEY_CHANGE;
    };
  }

  @Override
  public String who() {
    return principal.login();
  }

  @Override
  public void admit(JournalAction action, String tenant) throws JournalAccessDeniedException {
    if (access.authorizer().may(principal, permission(action), tenant)) {
      return;
    }
    try {
      access
          .trail()
          .record(
              new AuditEvent(
                  principal.login(),
                  auditAction(action),
                  tenant,
                  "journal",
                  source,
                  Outcome.DENIED,
                  "no-role"));
    } catch (AuditTrailException e) {
      // refused either way; the refusal is what matters to the user
    }
    throw JournalAccessDeniedException.notAllowed(principal.login(), action, tenant);
  }

  @Override
  public void record(JournalAccess journalAccess) {
    try {
      access
          .trail()
          .record(
              new AuditEvent(
                  principal.login(),
                  auditAction(journalAccess.action()),
                  journalAccess.tenant(),
                  target(journalAccess),
                  source,
                  Outcome.SUCCESS,
                  detail(journalAccess)));
    } catch (AuditTrailException | IllegalStateException e) {
      throw new JournalTrailException(e);
    }
  }

  /** {@code journal/ticket: <record id> <record id> ...}: which records, never the value. */
  static String target(JournalAccess journalAccess) {
    if (journalAccess.field().equals("-")) {
      return "journal";
    }
    return "journal/"
        + journalAccess.field()
        + ": "
        + journalAccess.records().stream().map(UUID::toString).collect(Collectors.joining(" "));
  }

  private static String detail(JournalAccess journalAccess) {
    String records = journalAccess.records().size() + " record(s)";
    switch (journalAccess.action()) {
      case PURGE -> {
        return "purge: " + journalAccess.reason();
      }
      case COUNT -> {
        return "count";
      }
      case KEY_CHANGE -> {
        return journalAccess.reason();
      }
      default -> {}
    }
    return journalAccess.reason().isEmpty()
        ? records
        : records + "; reason: " + journalAccess.reason();
  }

  @Override
  public void close() {
    onClose.run();
  }
}
