package io.tabula.ops.access.oidc;

import java.nio.file.Path;

/**
 * An {@code --oidc-config} file that cannot be used: which file, which field, and what to write
 * there instead. The message never quotes the client secret (it is in its own file, never read here
 * beyond checking it is not empty).
 */
public final class OidcConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  OidcConfigException(Path file, String field, String problemAndFix) {
    super(file + ": " + field + ": " + problemAndFix);
    this.field = field;
  }

  /** The setting at fault, e.g. {@code issuer} or {@code groupRoles.tabula-city-editors}. */
  public String field() {
    return field;
  }
}
