package io.tabula.flows.store;

import java.util.Objects;

/**
 * Who publishes a version and why, as the console's history shows it.
 *
 * @param who the account name, or {@code command line} for {@code tabula flows publish}
 * @param note why, possibly empty; {@code rolled back to version 3} for a rollback
 */
public record Publication(String who, String note) {

  /** What {@code tabula flows publish} records when no account is named. */
  public static final Publication COMMAND_LINE = new Publication("command line", "");

  public Publication {
    Objects.requireNonNull(who, "who");
    note = note == null ? "" : note.strip();
  }
}
