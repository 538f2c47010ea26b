package io.tabula.ops.access.oidc;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;

/**
 * A started sign-in: send the browser to {@link #authorizationUri()}; keep the rest server-side
 * (never in the browser) until the callback.
 */
public record OidcStart(URI authorizationUri, State state, Nonce nonce, CodeVerifier verifier) {

  @Override
  public String toString() {
    return "OidcStart[" + authorizationUri.getHost() + ", secrets hidden]";
  }
}
