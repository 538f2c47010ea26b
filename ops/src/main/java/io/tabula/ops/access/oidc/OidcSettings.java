package io.tabula.ops.access.oidc;

import io.tabula.ops.access.role.Role;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Single sign-on with an OpenID Connect provider.
 *
 * @param issuer the provider's issuer URL; must be https
 * @param clientId this console's client id at the provider
 * @param clientSecretFile file holding the client secret (one line)
 * @param redirectUri where the provider sends the browser back, e.g.
 *     https://console.example/oidc/callback
 * @param groupsClaim the ID token claim listing the user's groups, usually {@code groups}
 * @param groupRoles each provider group and the tenant roles it grants; a user none of whose groups
 *     is listed is refused (least privilege)
 * @param requiredAmr when present, the ID token's {@code amr} claim must hold this value (e.g.
 *     {@code mfa}), proving the provider did multi-factor authentication (8.4.2)
 * @param trustedCa PEM of a private CA that issued the provider's certificate; empty: the JDK's
 *     trust store
 * @param scopes the scopes asked for; must include {@code openid} (default {@link #DEFAULT_SCOPES})
 */
public record OidcSettings(
    URI issuer,
    String clientId,
    Path clientSecretFile,
    URI redirectUri,
    String groupsClaim,
    Map<String, List<TenantRole>> groupRoles,
    Optional<String> requiredAmr,
    Optional<Path> trustedCa,
    List<String> scopes) {

  /** What the console asks for unless told otherwise: the ID token and the user's name. */
  public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");

  /** One role on one tenant. */
  public record TenantRole(String tenant, Role role) {}

  /** With {@link #DEFAULT_SCOPES}. */
  public OidcSettings(
      URI issuer,
      String clientId,
      Path clientSecretFile,
      URI redirectUri,
      String groupsClaim,
      Map<String, List<TenantRole>> groupRoles,
      Optional<String> requiredAmr,
      Optional<Path> trustedCa) {
    this(
        issuer,
        clientId,
        clientSecretFile,
        redirectUri,
        groupsClaim,
        groupRoles,
        requiredAmr,
        trustedCa,
        DEFAULT_SCOPES);
  }

  public OidcSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecretFile, "clientSecretFile");
    Objects.requireNonNull(redirectUri, "redirectUri");
    if (!"https".equals(issuer.getScheme())) {
      throw new IllegalArgumentException(
          "the OIDC issuer "
              + issuer
              + " is not https; sign-in tokens never travel in clear text;"
              + " use the provider's https issuer URL");
    }
    if (!scopes.contains("openid")) {
      throw new IllegalArgumentException(
          "the OIDC scopes leave out openid, so the provider sends no ID token; add openid");
    }
    groupRoles = Map.copyOf(groupRoles);
    scopes = List.copyOf(scopes);
  }
}
