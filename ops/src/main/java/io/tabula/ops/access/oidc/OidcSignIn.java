package io.tabula.ops.access.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.account.Account;
import io.tabula.ops.access.account.Accounts;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditTrail;
import io.tabula.ops.access.oidc.OidcOutcome.Reason;
import io.tabula.ops.access.role.Grants;
import io.tabula.ops.access.role.Principal;
import io.tabula.ops.access.role.Role;
import io.tabula.ops.access.session.AddressPolicy;
import io.tabula.ops.access.session.Sessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * Single sign-on: OpenID Connect authorization code flow with PKCE (S256), state and nonce, via the
 * Nimbus OAuth 2.0 SDK. The ID token's signature (provider's JWKS), issuer, audience, expiry and
 * nonce are checked; the provider's groups become tenant roles through {@link
 * OidcSettings#groupRoles()}; a user with no mapped group is refused.
 *
 * <pre>{@code
 * OidcStart start = oidc.begin();                 // keep start server-side, redirect the browser
 * OidcOutcome outcome = oidc.complete(callbackUri, start, clientAddress);
 * }</pre>
 */
public final class OidcSignIn {

  private static final int TIMEOUT_MS = 5_000;
  private static final int JWKS_LIMIT = 64 * 1024;

  private final OidcSettings settings;
  private final Accounts accounts;
  private final Grants grants;
  private final Sessions sessions;
  private final AuditTrail trail;
  private final AccessSettings access;
  private final SSLSocketFactory tls;
  private final OIDCProviderMetadata provider;
  private final IDTokenValidator validator;

  public OidcSignIn(
      OidcSettings settings,
      Accounts accounts,
      Grants grants,
      Sessions sessions,
      AuditTrail trail,
      AccessSettings access) {
    this.settings = settings;
    this.accounts = accounts;
    this.grants = grants;
    this.sessions = sessions;
    this.trail = trail;
    this.access = access;
    this.tls = OidcTls.socketFactory(settings.trustedCa());
    this.provider = discover();
    try {
      this.validator =
          new IDTokenValidator(
              provider.getIssuer(),
              new ClientID(settings.clientId()),
              JWSAlgorithm.RS256,
              provider.getJWKSetURI().toURL(),
              new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, JWKS_LIMIT, true, tls));
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(
          "the provider's jwks_uri is not a URL; check the issuer", e);
    }
  }

  private OIDCProviderMetadata discover() {
    URI wellKnown =
        URI.create(
            settings.issuer().toString().replaceAll("/$", "")
                + "/.well-known/openid-configuration");
    try {
      HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, wellKnown);
      configure(request);
      HTTPResponse response = request.send();
      response.ensureStatusCode(200);
      OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(response.getBody());
      if (!metadata.getIssuer().equals(new Issuer(settings.issuer()))) {
        throw new IllegalArgumentException(
            "the provider names itself "
                + metadata.getIssuer()
                + ", not "
                + settings.issuer()
                + "; set issuer to exactly the provider's issuer URL");
      }
      return metadata;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach the OIDC provider at " + wellKnown + "; check issuer, network and CA", e);
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "the OIDC provider's discovery document at " + wellKnown + " is not valid", e);
    }
  }

  /** What it was made with (the console prints the issuer and redirect URI at start). */
  public OidcSettings settings() {
    return settings;
  }

  /** A new sign-in: where to send the browser, and what to keep until the callback. */
  public OidcStart begin() {
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI uri =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope(settings.scopes().toArray(String[]::new)),
                new ClientID(settings.clientId()),
                settings.redirectUri())
            .endpointURI(provider.getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return new OidcStart(uri, state, nonce, verifier);
  }

  /** Completes the sign-in from the callback URI the browser brought back. */
  public OidcOutcome complete(URI callback, OidcStart start, InetAddress client) {
    String from = client.getHostAddress();
    AuthenticationResponse response;
    try {
      response = AuthenticationResponseParser.parse(callback);
    } catch (ParseException e) {
      return refuse("-", from, Reason.PROVIDER_ERROR);
    }
    if (!start.state().equals(response.getState())) {
      return refuse("-", from, Reason.STATE_MISMATCH);
    }
    if (!response.indicatesSuccess()) {
      return refuse("-", from, Reason.PROVIDER_ERROR);
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    IDTokenClaimsSet claims;
    try {
      OIDCTokenResponse tokens = exchange(code, start.verifier());
      if (tokens == null) {
        return refuse("-", from, Reason.TOKEN_REFUSED);
      }
      claims = validator.validate(tokens.getOIDCTokens().getIDToken(), start.nonce());
    } catch (com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
      return refuse("-", from, Reason.ID_TOKEN_INVALID);
    }
    return signIn(claims, client);
  }

  private OidcOutcome signIn(IDTokenClaimsSet claims, InetAddress client) {
    String from = client.getHostAddress();
    String login = login(claims);
    if (settings.requiredAmr().isPresent()) {
      List<String> amr = stringList(claims, "amr");
      if (!amr.contains(settings.requiredAmr().get())) {
        return refuse(login, from, Reason.MFA_NOT_PROVEN);
      }
    }
    Map<String, Set<Role>> roles = rolesOf(stringList(claims, settings.groupsClaim()));
    if (roles.isEmpty()) {
      return refuse(login, from, Reason.NO_MAPPED_GROUP);
    }
    Account account =
        accounts.findOrCreateSso(
            claims.getIssuer().getValue() + "|" + claims.getSubject().getValue(),
            login,
            access.clock().instant());
    Set<Role> all = EnumSet.noneOf(Role.class);
    roles.values().forEach(all::addAll);
    if (!AddressPolicy.allowed(client, account.allowedNetworks(), grants.networksOf(all))) {
      return refuse(login, from, Reason.ADDRESS_NOT_ALLOWED);
    }
    var session = sessions.start(account.id(), from);
    trail.record(
        AuditEvent.of(login, AuditAction.SIGN_IN, login, from, Outcome.SUCCESS).withDetail("oidc"));
    return new OidcOutcome.SignedIn(session, new Principal(account.id(), login, roles));
  }

  private OIDCTokenResponse exchange(AuthorizationCode code, CodeVerifier verifier) {
    try {
      Secret secret =
          new Secret(Files.readString(settings.clientSecretFile(), StandardCharsets.UTF_8).strip());
      HTTPRequest request =
          new TokenRequest.Builder(
                  provider.getTokenEndpointURI(),
                  new ClientSecretBasic(new ClientID(settings.clientId()), secret),
                  new AuthorizationCodeGrant(code, settings.redirectUri(), verifier))
              .build()
              .toHTTPRequest();
      configure(request);
      TokenResponse response = OIDCTokenResponseParser.parse(request.send());
      return response.indicatesSuccess() ? (OIDCTokenResponse) response.toSuccessResponse() : null;
    } catch (IOException | ParseException e) {
      return null;
    }
  }

  private Map<String, Set<Role>> rolesOf(List<String> groups) {
    Map<String, Set<Role>> roles = new HashMap<>();
    for (String group : groups) {
      for (OidcSettings.TenantRole grant : settings.groupRoles().getOrDefault(group, List.of())) {
        roles.computeIfAbsent(grant.tenant(), t -> EnumSet.noneOf(Role.class)).add(grant.role());
      }
    }
    return roles;
  }

  private static List<String> stringList(IDTokenClaimsSet claims, String name) {
    try {
      List<String> list = claims.getStringListClaim(name);
      return list == null ? List.of() : list;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static String login(IDTokenClaimsSet claims) {
    for (String name : new String[] {"preferred_username", "email"}) {
      String value = claims.getStringClaim(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return claims.getSubject().getValue();
  }

  private void configure(HTTPRequest request) {
    request.setSSLSocketFactory(tls);
    request.setConnectTimeout(TIMEOUT_MS);
    request.setReadTimeout(TIMEOUT_MS);
  }

  private OidcOutcome refuse(String login, String from, Reason reason) {
    trail.record(
        AuditEvent.of(login, AuditAction.SIGN_IN_FAILURE, login, from, Outcome.DENIED)
            .withDetail("oidc:" + reason.name().toLowerCase(java.util.Locale.ROOT)));
    return new OidcOutcome.Refused(reason);
  }
}
