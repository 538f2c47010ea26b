package io.tabula.ops.asterisk.lint;

import io.tabula.ops.asterisk.conf.ConfLocation;

/**
 * One thing an admin must change, and where.
 *
 * @param rule the rule's id, such as {@code manager-dtmf}
 * @param severity error or warning
 * @param where the file, line and column of the setting
 * @param what what is wrong and what it causes
 * @param fix what to change
 */
public record Finding(String rule, Severity severity, ConfLocation where, String what, String fix) {

  /** {@code file:line:col: error [rule] what. Fix: fix} */
  public String render() {
    return where + ": " + severity.label() + " [" + rule + "] " + what + ". Fix: " + fix;
  }
}
