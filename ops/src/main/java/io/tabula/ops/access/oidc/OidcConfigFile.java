package io.tabula.ops.access.oidc;

import io.tabula.ops.access.oidc.OidcSettings.TenantRole;
import io.tabula.ops.access.role.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the single sign-on settings of {@code tabula console --oidc-config FILE} (docs/access.md):
 *
 * <pre>{@code
 * issuer: https://idp.example/realms/tabula
 * clientId: tabula-console
 * clientSecretFile: oidc-client-secret      # relative paths are from this file's folder
 * groupRoles:
 *   tabula-city-publishers: [city:publisher, city:editor]
 * requiredAmr: mfa
 * }</pre>
 *
 * Every problem is an {@link OidcConfigException} naming the field and what to write instead. The
 * redirect URI defaults to the console's own {@code /oidc/callback} when its URL is known.
 */
public final class OidcConfigFile {

  private static final Set<String> FIELDS =
      Set.of(
          "issuer",
          "clientId",
          "clientSecretFile",
          "redirectUri",
          "scopes",
          "groupsClaim",
          "groupRoles",
          "requiredAmr",
          "trustedCa");
  static final String CALLBACK_PATH = "/oidc/callback";

  private final Path file;
  private final Map<?, ?> root;

  private OidcConfigFile(Path file, Map<?, ?> root) {
    this.file = file;
    this.root = root;
  }

  /**
   * The settings in {@code file}.
   *
   * @param consoleCallback the console's own callback URI, when its address and port say it (empty:
   *     {@code redirectUri} is required)
   * @throws OidcConfigException naming the field at fault
   */
  public static OidcSettings read(Path file, Optional<URI> consoleCallback) {
    OidcConfigFile config = new OidcConfigFile(file, load(file));
    for (Object key : config.root.keySet()) {
      if (!FIELDS.contains(String.valueOf(key))) {
        throw config.problem(
            String.valueOf(key), "unknown setting; the settings are " + new TreeSet<>(FIELDS));
      }
    }
    return config.settings(consoleCallback);
  }

  private OidcSettings settings(Optional<URI> consoleCallback) {
    URI issuer = https("issuer", optionalText("issuer").orElseThrow(() -> missing("issuer")));
    String clientId = optionalText("clientId").orElseThrow(() -> missing("clientId"));
    Path secret = readableFile("clientSecretFile").orElseThrow(() -> missing("clientSecretFile"));
    URI redirect =
        optionalText("redirectUri")
            .map(text -> https("redirectUri", text))
            .or(() -> consoleCallback)
            .orElseThrow(
                () ->
                    problem(
                        "redirectUri",
                        "missing, and the console's URL is not known from --address and --port"
                            + " (a wildcard address or port 0); write the URL browsers use, e.g."
                            + " https://console.example:9443"
                            + CALLBACK_PATH));
    if (!redirect.getPath().endsWith(CALLBACK_PATH)) {
      throw problem("redirectUri", "must end with " + CALLBACK_PATH + ", the console's callback");
    }
    List<String> scopes = strings("scopes").orElse(OidcSettings.DEFAULT_SCOPES);
    if (!scopes.contains("openid")) {
      throw problem("scopes", "leaves out openid, so no ID token comes back; add openid");
    }
    if (readableSecretIsBlank(secret)) {
      throw problem(
          "clientSecretFile", secret + " is empty; put the client secret in it, one line");
    }
    return new OidcSettings(
        issuer,
        clientId,
        secret,
        redirect,
        optionalText("groupsClaim").orElse("groups"),
        groupRoles(),
        optionalText("requiredAmr"),
        readableFile("trustedCa"),
        scopes);
  }

  private Map<String, List<TenantRole>> groupRoles() {
    if (!(root.get("groupRoles") instanceof Map<?, ?> groups) || groups.isEmpty()) {
      throw problem(
          "groupRoles",
          "missing or empty, so nobody could sign in; map each provider group to tenant:role"
              + " values, e.g. tabula-city-editors: [city:editor]");
    }
    Map<String, List<TenantRole>> roles = new LinkedHashMap<>();
    for (Map.Entry<?, ?> group : groups.entrySet()) {
      String field = "groupRoles." + group.getKey();
      List<TenantRole> grants = new ArrayList<>();
      for (String grant : stringsOf(field, group.getValue())) {
        String[] parts = grant.split(":", -1);
        if (parts.length != 2 || parts[0].isBlank()) {
          throw problem(field, "'" + grant + "' is not tenant:role; write e.g. city:editor");
        }
        try {
          grants.add(new TenantRole(parts[0].strip(), Role.parse(parts[1])));
        } catch (IllegalArgumentException e) {
          throw problem(field, e.getMessage());
        }
      }
      roles.put(String.valueOf(group.getKey()), List.copyOf(grants));
    }
    return roles;
  }

  private static Map<?, ?> load(Path file) {
    Object loaded;
    try (InputStream in = Files.newInputStream(file)) {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException e) {
      throw new OidcConfigException(
          file,
          "(file)",
          "cannot be read (" + e.getClass().getSimpleName() + "); check the path and its mode");
    } catch (RuntimeException e) {
      throw new OidcConfigException(
          file,
          "(file)",
          "is not valid YAML (" + e.getClass().getSimpleName() + "); fix its syntax");
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new OidcConfigException(
          file, "(file)", "holds no settings; write issuer:, clientId:, ... (docs/access.md)");
    }
    return map;
  }

  private Optional<String> optionalText(String field) {
    Object value = root.get(field);
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw problem(field, "must be a single value, not a list or a mapping");
    }
    return value == null || String.valueOf(value).isBlank()
        ? Optional.empty()
        : Optional.of(String.valueOf(value).strip());
  }

  private Optional<List<String>> strings(String field) {
    return root.get(field) == null
        ? Optional.empty()
        : Optional.of(stringsOf(field, root.get(field)));
  }

  private List<String> stringsOf(String field, Object value) {
    List<?> items =
        value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    if (items.isEmpty() || items.stream().anyMatch(i -> i instanceof Map<?, ?> || i == null)) {
      throw problem(field, "must be a value or a list of values, e.g. [a, b]");
    }
    return items.stream().map(i -> String.valueOf(i).strip()).toList();
  }

  private Optional<Path> readableFile(String field) {
    return optionalText(field)
        .map(
            name -> {
              Path path = file.toAbsolutePath().getParent().resolve(name);
              if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw problem(field, path + " is not a file this user can read; fix the path");
              }
              return path;
            });
  }

  private boolean readableSecretIsBlank(Path secret) {
    try {
      return Files.readString(secret, StandardCharsets.UTF_8).isBlank();
    } catch (IOException e) {
      throw problem("clientSecretFile", secret + " cannot be read; check its mode");
    }
  }

  private URI https(String field, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw problem(field, "is not a URL; write e.g. https://idp.example/realms/tabula");
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw problem(field, "must be an https URL; sign-in tokens never travel in clear text");
    }
    return uri;
  }

  private OidcConfigException missing(String field) {
    return problem(field, "missing; it is required (docs/access.md shows an example)");
  }

  private OidcConfigException problem(String field, String problemAndFix) {
    return new OidcConfigException(file, field, problemAndFix);
  }
}
