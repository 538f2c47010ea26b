package io.tabula.journal.access;

/**
 * Signs a user in against the access database and gives a gate that checks their roles and writes
 * the hash-chained audit trail. The {@code ops} module provides it (found with {@link
 * java.util.ServiceLoader}), because the access-control library lives there and depends on this
 * module, not the other way round.
 */
public interface JournalGateProvider {

  /** A gate for the signed-in user; a refused sign-in is a {@link JournalAccessDeniedException}. */
  JournalGate signIn(AccessDatabaseRef database, JournalSignIn signIn)
      throws JournalAccessDeniedException;
}
