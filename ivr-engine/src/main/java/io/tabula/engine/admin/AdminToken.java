package io.tabula.engine.admin;

import io.tabula.engine.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The bearer token of the admin endpoint, read once from {@code admin.tokenFile}. A request is let
 * in when it carries {@code Authorization: Bearer <token>}; the comparison takes the same time
 * however much of the token matches. The token never appears in a log line or a message.
 *
 * <pre>{@code
 * AdminToken token = AdminToken.read(Path.of("/run/secrets/admin-token"));
 * token.admits(exchange.getRequestHeaders().getFirst("Authorization"));
 * }</pre>
 */
public final class AdminToken {

  /** Shorter tokens are guessable; {@code openssl rand -hex 32} gives 64 characters. */
  static final int MIN_LENGTH = 16;

  private static final String SCHEME = "Bearer ";

  private final byte[] expected;

  private AdminToken(byte[] expected) {
    this.expected = expected;
  }

  /**
   * @throws ConfigException when the file cannot be read or holds no usable token
   */
  public static AdminToken read(Path file) {
    String token;
    try {
      token = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read admin.tokenFile "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); create it (openssl rand -hex 32 > "
              + file
              + ") and make it readable by the engine",
          e);
    }
    if (token.length() < MIN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new ConfigException(
          "admin.tokenFile "
              + file
              + " must hold one token of at least "
              + MIN_LENGTH
              + " printable characters without spaces; make one with openssl rand -hex 32");
    }
    return new AdminToken(token.getBytes(StandardCharsets.US_ASCII));
  }

  /** Whether an {@code Authorization} header value (null when absent) carries this token. */
  boolean admits(String authorization) {
    if (authorization == null || !authorization.startsWith(SCHEME)) {
      return false;
    }
    byte[] offered =
        authorization.substring(SCHEME.length()).strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, offered);
  }

  /** The header value a client sends, for {@code tabula health}. */
  public String authorizationHeader() {
    return SCHEME + new String(expected, StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "AdminToken[redacted]";
  }
}
