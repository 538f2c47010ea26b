package io.tabula.ops.asterisk.dialplan;

import io.tabula.ops.asterisk.conf.ConfLocation;
import java.util.List;

/**
 * One dialplan priority's application, such as {@code AGI(${TABULA}/${ARG1}/${ARG2})}.
 *
 * @param context the context it runs in
 * @param exten the extension it belongs to
 * @param app the application's name as written
 * @param data everything between the parentheses, unexpanded
 * @param where the {@code exten =>} or {@code same =>} line
 */
public record AppCall(String context, String exten, String app, String data, ConfLocation where) {

  /** Whether this runs {@code name} (application names are case-insensitive). */
  public boolean is(String name) {
    return app.equalsIgnoreCase(name);
  }

  /** The arguments, split at the commas Asterisk splits at. */
  public List<String> args() {
    return AppArgs.split(data);
  }
}
