package io.tabula.ops.asterisk.conf;

/**
 * Something Asterisk's config parser would complain about.
 *
 * @param where the line
 * @param what what is wrong, in Asterisk's terms
 * @param fix what to change
 * @param rejectsFile whether Asterisk rejects the whole file for it (its parser returns an error
 *     and the module loads no configuration), rather than skipping one line
 */
public record ConfProblem(ConfLocation where, String what, String fix, boolean rejectsFile) {}
