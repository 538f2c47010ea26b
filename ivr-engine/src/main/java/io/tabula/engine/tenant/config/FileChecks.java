package io.tabula.engine.tenant.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the loader reaches outside the tenant files: with {@link #full} it checks that every CA,
 * key store and password file is readable and reads the passwords (from files or the environment);
 * with {@link #offline} the same, except that what does not exist yet is listed to create; with
 * {@link #structureOnly} it checks only the files' own shape, for linting examples and templates on
 * a machine that has none of the secrets.
 *
 * <p>A secret never appears in a problem: messages name the key and the file, not the content.
 *
 * <pre>{@code
 * TenantsConfig config = TenantFiles.load(dir, FileChecks.full(System.getenv()));
 * }</pre>
 */
public record FileChecks(
    boolean enabled, Map<String, String> environment, Optional<SecretsToCreate> toCreate) {

  /** The longest password file accepted; anything larger is the wrong file. */
  static final int MAX_SECRET_BYTES = 4096;

  public FileChecks {
    environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  public static FileChecks full(Map<String, String> environment) {
    return new FileChecks(true, environment, Optional.empty());
  }

  /**
   * Like {@link #full}, except that a file that does not exist or an environment variable that is
   * not set goes to {@code toCreate} instead of being a problem: for files written for the engine's
   * machine, checked elsewhere. A file that exists is checked in full.
   */
  public static FileChecks offline(Map<String, String> environment, SecretsToCreate toCreate) {
    return new FileChecks(true, environment, Optional.of(toCreate));
  }

  public static FileChecks structureOnly() {
    return new FileChecks(false, Map.of(), Optional.empty());
  }

  /** Records a missing file as one to create, when offline; false when it is a problem. */
  private boolean toCreate(YamlSection section, String key, Path path, String what) {
    if (toCreate.isEmpty() || Files.exists(path)) {
      return false;
    }
    toCreate
        .get()
        .add(
            section.pos(key),
            section.path(key),
            what + " " + path,
            "create it on the engine's machine");
    return true;
  }

  /** Records an unset variable as one to set, when offline; false when it is a problem. */
  private boolean toSet(YamlSection section, String key, String variable) {
    toCreate.ifPresent(
        missing ->
            missing.add(
                section.pos(key),
                section.path(key),
                "the environment variable " + variable,
                "set it in the engine's environment"));
    return toCreate.isPresent();
  }

  void requireReadable(YamlSection section, String key, Path path, String what) {
    if (enabled && !YamlSection.readable(path) && !toCreate(section, key, path, what)) {
      section.problem(
          section.pos(key),
          what + " " + path + " (" + section.path(key) + ") " + why(path),
          "put the file there or fix the path (a relative path is read from the tenant file's"
              + " folder)");
    }
  }

  /**
   * Reads a password file: UTF-8, one trailing line break dropped. Empty when files are not checked
   * or the file cannot be used (then a problem is reported).
   */
  Optional<String> readSecretFile(YamlSection section, String key, Path path) {
    if (!enabled) {
      return Optional.of("");
    }
    if (!YamlSection.readable(path)) {
      requireReadable(section, key, path, "the password file");
      // Offline, a password file to create stands in as empty: the rest of the file is checked.
      return toCreate.isPresent() && !Files.exists(path) ? Optional.of("") : Optional.empty();
    }
    try {
      if (Files.size(path) > MAX_SECRET_BYTES) {
        section.problem(
            section.pos(key),
            "the password file " + path + " is larger than " + MAX_SECRET_BYTES + " bytes",
            "point " + key + " at the file that holds only the password");
        return Optional.empty();
      }
      String secret = stripLineBreak(Files.readString(path, StandardCharsets.UTF_8));
      if (secret.isEmpty()) {
        section.problem(
            section.pos(key),
            "the password file " + path + " is empty",
            "write the password into it (one line)");
        return Optional.empty();
      }
      return Optional.of(secret);
    } catch (IOException e) {
      section.problem(
          section.pos(key),
          "cannot read the password file " + path + " (" + e.getClass().getSimpleName() + ")",
          "check its permissions: the engine's user must be able to read it");
      return Optional.empty();
    }
  }

  /**
   * Checks that a readable CA file holds at least one X.509 certificate (PEM), so a wrong file is
   * reported here with its position instead of as a TLS failure at the first call.
   */
  void requireCertificates(YamlSection section, String key, Path path, String what) {
    if (!enabled || !YamlSection.readable(path)) {
      return;
    }
    try (InputStream in = Files.newInputStream(path)) {
      if (!CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        return;
      }
    } catch (IOException | CertificateException e) {
      // reported below: the file is not a PEM certificate bundle
    }
    section.problem(
        section.pos(key),
        what + " " + path + " holds no PEM certificate",
        "point " + key + " at the CA's certificate (-----BEGIN CERTIFICATE-----)");
  }

  /** Checks that a PKCS#12 key store opens with its password; the password is never shown. */
  void requireKeyStore(YamlSection section, String key, Path path, String password) {
    if (!enabled || !YamlSection.readable(path)) {
      return;
    }
    char[] chars = password.toCharArray();
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore.getInstance("PKCS12").load(in, chars);
    } catch (IOException | GeneralSecurityException e) {
      section.problem(
          section.pos(key),
          "the client key store "
              + path
              + " does not open as PKCS#12 with its password ("
              + e.getClass().getSimpleName()
              + ")",
          "check the file and its password file; create one with openssl pkcs12 -export");
    } finally {
      java.util.Arrays.fill(chars, '\0');
    }
  }

  /** Reads a password from the environment; a problem when the variable is unset or empty. */
  Optional<String> readSecretEnv(YamlSection section, String key, String variable) {
    if (!enabled) {
      return Optional.of("");
    }
    String value = environment.get(variable);
    if ((value == null || value.isEmpty()) && toSet(section, key, variable)) {
      return Optional.of("");
    }
    if (value == null || value.isEmpty()) {
      section.problem(
          section.pos(key),
          "the environment variable " + variable + " (" + section.path(key) + ") is not set",
          "set " + variable + " in the engine's environment, or use a password file instead");
      return Optional.empty();
    }
    return Optional.of(stripLineBreak(value));
  }

  /** Checks an {@code env:} API key reference without reading the key into a String. */
  void requireEnv(YamlSection section, String key, String variable) {
    if (enabled
        && (environment.get(variable) == null || environment.get(variable).isEmpty())
        && !toSet(section, key, variable)) {
      section.problem(
          section.pos(key),
          "the environment variable " + variable + " (" + section.path(key) + ") is not set",
          "set " + variable + " in the engine's environment, or use file:<path> instead");
    }
  }

  private static String why(Path path) {
    if (!Files.exists(path)) {
      return "does not exist";
    }
    if (!Files.isRegularFile(path)) {
      return "is not a file";
    }
    return "is not readable by the engine's user";
  }

  private static String stripLineBreak(String text) {
    String out = text;
    if (out.endsWith("\n")) {
      out = out.substring(0, out.length() - 1);
    }
    if (out.endsWith("\r")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
