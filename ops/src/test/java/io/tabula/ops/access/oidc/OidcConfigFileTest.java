package io.tabula.ops.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.ops.access.oidc.OidcSettings.TenantRole;
import io.tabula.ops.access.role.Role;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --oidc-config} file: what it gives, and an error naming the field for each mistake.
 */
class OidcConfigFileTest {

  private static final Optional<URI> CONSOLE =
      Optional.of(URI.create("https://localhost:9443/oidc/callback"));
  private static final String GOOD =
      """
      issuer: https://idp.example/realms/tabula
      clientId: tabula-console
      clientSecretFile: secret
      groupRoles:
        tabula-city-publishers: [city:publisher, city:Editor]
        tabula-auditors: utility:auditor
      """;

  @TempDir Path folder;

  @BeforeEach
  void secret() throws Exception {
    Files.writeString(folder.resolve("secret"), "s3cret\n");
    Files.writeString(folder.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
  }

  private OidcSettings read(String yaml, Optional<URI> console) throws Exception {
    return OidcConfigFile.read(Files.writeString(folder.resolve("oidc.yaml"), yaml), console);
  }

  @Test
  void aMinimalFileTakesTheDefaultsAndTheConsolesCallback() throws Exception {
    OidcSettings s = read(GOOD, CONSOLE);

    assertThat(s.issuer()).isEqualTo(URI.create("https://idp.example/realms/tabula"));
    assertThat(s.clientId()).isEqualTo("tabula-console");
    assertThat(s.clientSecretFile()).isEqualTo(folder.resolve("secret"));
    assertThat(s.redirectUri()).isEqualTo(CONSOLE.get());
    assertThat(s.scopes()).containsExactly("openid", "profile", "email");
    assertThat(s.groupsClaim()).isEqualTo("groups");
    assertThat(s.requiredAmr()).isEmpty();
    assertThat(s.trustedCa()).isEmpty();
    assertThat(s.groupRoles().get("tabula-city-publishers"))
        .containsExactly(
            new TenantRole("city", Role.PUBLISHER), new TenantRole("city", Role.EDITOR));
    assertThat(s.groupRoles().get("tabula-auditors"))
        .containsExactly(new TenantRole("utility", Role.AUDITOR));
  }

  @Test
  void everySettingGivenIsTaken() throws Exception {
    OidcSettings s =
        read(
            GOOD
                + """
                redirectUri: https://console.example/oidc/callback
                scopes: [openid, email, groups]
                groupsClaim: roles
                requiredAmr: mfa
                trustedCa: ca.pem
                """,
            Optional.empty());

    assertThat(s.redirectUri()).isEqualTo(URI.create("https://console.example/oidc/callback"));
    assertThat(s.scopes()).containsExactly("openid", "email", "groups");
    assertThat(s.groupsClaim()).isEqualTo("roles");
    assertThat(s.requiredAmr()).contains("mfa");
    assertThat(s.trustedCa()).contains(folder.resolve("ca.pem"));
  }

  @Test
  void eachMistakeNamesItsField() throws Exception {
    expect(() -> read(GOOD.replace("https://idp", "http://idp"), CONSOLE), "issuer", "https");
    expect(() -> read(GOOD.replace("issuer:", "# issuer:"), CONSOLE), "issuer", "missing");
    expect(() -> read(GOOD.replace("clientId:", "clientID:"), CONSOLE), "clientID", "unknown");
    expect(
        () -> read(GOOD.replace("clientSecretFile: secret", "clientSecretFile: nope"), CONSOLE),
        "clientSecretFile",
        "not a file");
    expect(
        () -> read(GOOD.replace("city:publisher", "city:superuser"), CONSOLE),
        "groupRoles.tabula-city-publishers",
        "unknown role 'superuser'");
    expect(
        () -> read(GOOD.replace("city:publisher", "city-publisher"), CONSOLE),
        "groupRoles.tabula-city-publishers",
        "is not tenant:role");
    expect(
        () -> read(GOOD.substring(0, GOOD.indexOf("groupRoles")), CONSOLE),
        "groupRoles",
        "nobody could sign in");
    expect(() -> read(GOOD, Optional.empty()), "redirectUri", "missing");
    expect(
        () -> read(GOOD + "redirectUri: https://console.example/callback\n", CONSOLE),
        "redirectUri",
        "/oidc/callback");
    expect(() -> read(GOOD + "scopes: [email]\n", CONSOLE), "scopes", "add openid");
    expect(() -> read(GOOD + "trustedCa: [a, b]\n", CONSOLE), "trustedCa", "single value");
    expect(() -> read("issuer: [unclosed\n", CONSOLE), "(file)", "not valid YAML");
  }

  @Test
  void anEmptySecretFileIsRefusedAndTheSecretIsNeverQuoted() throws Exception {
    Files.writeString(folder.resolve("secret"), "\n");
    expect(() -> read(GOOD, CONSOLE), "clientSecretFile", "is empty");
    Files.writeString(folder.resolve("secret"), "s3cret\n");
    assertThatThrownBy(() -> read(GOOD.replace("https://idp", "http://idp"), CONSOLE))
        .message()
        .doesNotContain("s3cret");
  }

  private void expect(ThrowingCallable read, String field, String words) {
    assertThatThrownBy(read)
        .isInstanceOf(OidcConfigException.class)
        .hasMessageContaining("oidc.yaml: " + field + ": ")
        .hasMessageContaining(words)
        .satisfies(e -> assertThat(((OidcConfigException) e).field()).isEqualTo(field));
  }
}
