package io.tabula.ops.console;

/** Who is logged in to the console: a name for the history, and a role for what they may do. */
public record Account(String name, Role role) {}
