package io.tabula.engine.ami;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The AMI user's secret, read from a file or an environment variable, never from the configuration
 * file itself. {@link #toString()} redacts it, so a record holding it can be logged safely.
 *
 * <p>Example: {@code AmiSecret.fromFile(Path.of("/run/secrets/ami"))} or {@code
 * AmiSecret.fromEnvironment("TABULA_AMI_SECRET")}.
 */
public final class AmiSecret {

  private final String value;

  private AmiSecret(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "The AMI secret is empty; put the manager.conf secret of the engine's AMI user in the"
              + " secret file or environment variable.");
    }
    this.value = value;
  }

  /** Reads the secret from a file; one trailing line break is ignored. */
  public static AmiSecret fromFile(Path file) {
    try {
      return new AmiSecret(stripLineBreak(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read the AMI secret file " + file + "; check the path and its permissions.", e);
    }
  }

  /** Reads the secret from the environment variable {@code name}. */
  public static AmiSecret fromEnvironment(String name) {
    return fromEnvironment(name, System.getenv());
  }

  static AmiSecret fromEnvironment(String name, Map<String, String> environment) {
    String value = environment.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "The environment variable " + name + " holding the AMI secret is not set; set it.");
    }
    return new AmiSecret(value);
  }

  /** For tests and the virtual PBX only: a secret given literally. */
  public static AmiSecret of(String value) {
    return new AmiSecret(value);
  }

  /** The secret, for Asterisk-Java's login only. */
  String reveal() {
    return value;
  }

  private static String stripLineBreak(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public String toString() {
    return "AmiSecret[redacted]";
  }
}
