package io.tabula.ops.console;

import java.time.Instant;

/**
 * One published version of a flow as the history shows it: who published it, when, and their note.
 * Versions published by {@code tabula flows publish} have no note and show "command line".
 */
public record PublishedVersion(int number, String who, Instant when, String note) {}
