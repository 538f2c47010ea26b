package io.tabula.ops.console;

/** What a console user may do; each role includes the ones before it. */
public enum Role {
  /** Sees tenants, flows, versions, graphs, diffs and the watch page. */
  VIEWER,
  /** Also edits drafts and tries them on the softphone. */
  EDITOR,
  /** Also publishes drafts and rolls back to earlier versions. */
  PUBLISHER,
  /** Everything. */
  ADMIN;

  public boolean includes(Role needed) {
    return ordinal() >= needed.ordinal();
  }
}
