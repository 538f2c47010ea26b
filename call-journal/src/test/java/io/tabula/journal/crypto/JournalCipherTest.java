package io.tabula.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCipherTest {

  private static final byte[] AAD = "city|call-1|ticket".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TICKET = "12345678".getBytes(StandardCharsets.US_ASCII);

  @Test
  void a_value_sealed_to_a_key_opens_with_its_private_key() throws Exception {
    JournalPrivateKey key = JournalPrivateKey.generate();
    Sealed sealed = JournalCipher.seal(key.publicKey(), AAD, TICKET);

    assertThat(sealed.keyId()).isEqualTo(key.publicKey().id());
    assertThat(sealed.enc()).hasSize(32);
    assertThat(sealed.ciphertext()).hasSize(TICKET.length + 16);
    assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("1234");
    assertThat(JournalCipher.open(key, sealed, AAD)).isEqualTo(TICKET);
  }

  @Test
  void the_same_value_sealed_twice_gives_unrelated_ciphertexts() {
    JournalPublicKey key = JournalPrivateKey.generate().publicKey();
    assertThat(JournalCipher.seal(key, AAD, TICKET).ciphertext())
        .isNotEqualTo(JournalCipher.seal(key, AAD, TICKET).ciphertext());
  }

  @Test
  void another_private_key_cannot_open_it_even_under_the_right_key_id() {
    JournalPrivateKey right = JournalPrivateKey.generate();
    JournalPrivateKey wrong = JournalPrivateKey.generate();
    Sealed sealed = JournalCipher.seal(right.publicKey(), AAD, TICKET);

    assertThatThrownBy(() -> JournalCipher.open(wrong, sealed, AAD))
        .isInstanceOf(JournalDecryptionException.class)
        .hasMessageContaining(right.publicKey().id());
    // Relabelled as if sealed to the wrong key: the KEM and the info still refuse it.
    Sealed relabelled = new Sealed(wrong.publicKey().id(), sealed.enc(), sealed.ciphertext());
    assertThatThrownBy(() -> JournalCipher.open(wrong, relabelled, AAD))
        .isInstanceOf(JournalDecryptionException.class)
        .hasMessageNotContaining("12345678");
  }

  @Test
  void a_value_moved_to_another_record_or_field_does_not_open() {
    JournalPrivateKey key = JournalPrivateKey.generate();
    Sealed sealed = JournalCipher.seal(key.publicKey(), AAD, TICKET);
    byte[] otherField = "city|call-1|account".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> JournalCipher.open(key, sealed, otherField))
        .isInstanceOf(JournalDecryptionException.class);
  }

  @Test
  void the_search_key_opens_nothing() {
    // The search key is 32 bytes like an X25519 private key; used as one, it still opens nothing.
    JournalPrivateKey key = JournalPrivateKey.generate();
    Sealed sealed = JournalCipher.seal(key.publicKey(), AAD, TICKET);
    SearchKey search = SearchKey.generate();
    JournalPrivateKey asPrivate =
        new JournalPrivateKey(
            new org.bouncycastle.crypto.params.X25519PrivateKeyParameters(search.bytes(), 0));
    Sealed relabelled = new Sealed(asPrivate.publicKey().id(), sealed.enc(), sealed.ciphertext());
    assertThatThrownBy(() -> JournalCipher.open(asPrivate, relabelled, AAD))
        .isInstanceOf(JournalDecryptionException.class);
  }

  @Test
  void the_public_key_text_round_trips_and_its_id_is_checked() {
    JournalPublicKey key = JournalPrivateKey.generate().publicKey();
    assertThat(JournalPublicKey.parse(key.text())).isEqualTo(key);
    String other = JournalPrivateKey.generate().publicKey().id();
    String forged = other + key.text().substring(key.text().indexOf(':'));
    assertThatThrownBy(() -> JournalPublicKey.parse(forged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void the_private_key_file_round_trips_with_its_password_only(@TempDir Path dir) throws Exception {
    JournalPrivateKey key = JournalPrivateKey.generate();
    Path file = dir.resolve("city.journal-key.pem");
    PrivateKeyFile.write(file, key, "correct horse".toCharArray());

    String text = Files.readString(file);
    assertThat(text).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    JournalPrivateKey read = PrivateKeyFile.read(file, "correct horse".toCharArray());
    assertThat(read.publicKey()).isEqualTo(key.publicKey());
    Sealed sealed = JournalCipher.seal(key.publicKey(), AAD, TICKET);
    assertThat(JournalCipher.open(read, sealed, AAD)).isEqualTo(TICKET);

    assertThatThrownBy(() -> PrivateKeyFile.read(file, "wrong".toCharArray()))
        .isInstanceOf(JournalKeyFileException.class)
        .hasMessageContaining("password");
  }

  @Test
  void openSslReadsTheKeyFileAndDerivesTheSamePublicKey(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed here");
    JournalPrivateKey key = JournalPrivateKey.generate();
    Path file = dir.resolve("k.pem");
    PrivateKeyFile.write(file, key, "pw-123".toCharArray());
    Process openssl =
        new ProcessBuilder(
                "/usr/bin/openssl",
                "pkey",
                "-in",
                file.toString(),
                "-passin",
                "pass:pw-123",
                "-pubout",
                "-outform",
                "DER")
            .redirectErrorStream(true)
            .start();
    byte[] der = openssl.getInputStream().readAllBytes();
    assertThat(openssl.waitFor()).as(new String(der, StandardCharsets.ISO_8859_1)).isZero();
    // SubjectPublicKeyInfo of X25519: a 12-byte header, then the 32 key bytes.
    assertThat(java.util.Arrays.copyOfRange(der, der.length - 32, der.length))
        .isEqualTo(key.publicKey().raw());
  }
}
