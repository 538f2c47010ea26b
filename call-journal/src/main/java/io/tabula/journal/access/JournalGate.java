package io.tabula.journal.access;

/**
 * What every journal access goes through, in the CLI and in the console: the user's role on the
 * tenant is checked first ({@link #admit}), then the access is recorded ({@link #record}) before
 * anything is shown, sent or deleted. Fail closed: when the record cannot be written, {@link
 * #record} throws {@link JournalTrailException} and the caller does not go on.
 *
 * <pre>{@code
 * gate.admit(JournalAction.SEARCH, "city");                 // JournalAccessDeniedException
 * List<JournalRecord> found = archive.find(...);
 * gate.record(new JournalAccess(SEARCH, "city", "ticket", ids, ""));   // before printing
 * }</pre>
 */
public interface JournalGate extends AutoCloseable {

  /** Who acts, as the trail names them. */
  String who();

  /**
   * Refuses unless the user's roles on {@code tenant} allow {@code action}; a refusal is logged.
   */
  void admit(JournalAction action, String tenant) throws JournalAccessDeniedException;

  /** Records the access; throws {@link JournalTrailException} if it cannot (then do not go on). */
  void record(JournalAccess access);

  @Override
  default void close() {}
}
