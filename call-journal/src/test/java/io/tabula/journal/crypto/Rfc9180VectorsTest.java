package io.tabula.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.Test;

/**
 * Bouncy Castle's HPKE against the RFC 9180 test vectors. Neither the RFC's appendix A nor the
 * CFRG's test-vectors.json it points to has a vector for the journal's exact suite (mode 0, kem_id
 * 32, kdf_id 1, aead_id 2): the JSON's X25519 suites are (kdf, aead) = (1, 1), (1, 3), (3, 2) and
 * (3, export-only), in that sorted order, with no (1, 2) between them. So the suite's parts are
 * checked where the vectors have them: A.1 for DHKEM(X25519, HKDF-SHA256) with HKDF-SHA256 (same
 * KEM, same KDF, AES-128-GCM); the JSON's (32, 3, 2) for the same KEM with AES-256-GCM (HKDF-SHA512
 * as KDF); and A.6 for AES-256-GCM with another KEM. {@link JournalCipher}'s own suite is the
 * composition of parts that each match the vectors byte for byte.
 */
class Rfc9180VectorsTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] INFO = HEX.parseHex("4f6465206f6e2061204772656369616e2055726e");
  private static final byte[] PT =
      HEX.parseHex("4265617574792069732074727574682c20747275746820626561757479");
  private static final byte[] COUNT_0 = HEX.parseHex("436f756e742d30");
  private static final byte[] COUNT_1 = HEX.parseHex("436f756e742d31");

  @Test
  void a1_x25519_hkdf_sha256_base_mode_matches_the_rfc() throws Exception {
    HPKE hpke =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
    AsymmetricCipherKeyPair recipient =
        key(hpke, "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037");

    assertThat(HEX.formatHex(hpke.serializePublicKey(recipient.getPublic())))
        .isEqualTo("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d");
    // Bouncy Castle stores X25519 scalars clamped (RFC 7748, section 5); the RFC prints skRm
    // unclamped. Clamped, the RFC's value is this one, and both act as the same key.
    byte[] skRm = HEX.parseHex("4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8");
    skRm[0] &= (byte) 248;
    skRm[31] &= 127;
    skRm[31] |= 64;
    assertThat(hpke.serializePrivateKey(recipient.getPrivate())).isEqualTo(skRm);

    byte[] enc =
        assertSealsAsTheVector(
            hpke,
            recipient,
            key(hpke, "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234"),
            "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9"
                + "6d8770ac83d07bea87e13c512a",
            "af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab25"
                + "1c03d0c22a56b8ca42c2063b84");
    assertThat(HEX.formatHex(enc))
        .isEqualTo("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
  }

  /**
   * The CFRG test-vectors.json entry {@code "mode":0,"kem_id":32,"kdf_id":3,"aead_id":2}: the
   * journal's KEM, DHKEM(X25519, HKDF-SHA256), and its AEAD, AES-256-GCM.
   */
  @Test
  void x25519_with_aes_256_gcm_matches_the_cfrg_vectors() throws Exception {
    HPKE hpke =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA512, HPKE.aead_AES_GCM256);
    AsymmetricCipherKeyPair recipient =
        key(hpke, "a0484936abc95d587acf7034156229f9970e9dfa76773754e40fb30e53c9de16");
    assertThat(HEX.formatHex(hpke.serializePublicKey(recipient.getPublic())))
        .isEqualTo("aa7bddcf5ca0b2c0cf760b5dffc62740a8e761ec572032a809bebc87aaf7575e");

    byte[] enc =
        assertSealsAsTheVector(
            hpke,
            recipient,
            key(hpke, "e72b39232ee9ef9f6537a72afe28f551dbe632006aa1b300a00518883a3f2dc1"),
            "186cbeffd80fd68862b09d968a944c9f1ecc1c3f5dbcd1e26973ec30a9856f00"
                + "6f7bb472c3e30fff57ced669fc",
            "26f19180ac025f865e8383809317e472474b91afbdbd0e402800bca5c299157f"
                + "efd833aec48ec220eedd683c31");
    assertThat(HEX.formatHex(enc))
        .isEqualTo("c12ba9fb91d7ebb03057d8bea4398688dcc1d1d1ff3b97f09b96b9bf89bd1e4a");
  }

  @Test
  void a6_aes_256_gcm_matches_the_rfc() throws Exception {
    HPKE hpke =
        new HPKE(HPKE.mode_base, HPKE.kem_P521_SHA512, HPKE.kdf_HKDF_SHA512, HPKE.aead_AES_GCM256);
    assertSealsAsTheVector(
        hpke,
        key(
            hpke,
            "2ad954bbe39b7122529f7dde780bff626cd97f850d0784a432784e69d86ecc"
                + "aade43b6c10a8ffdb94bf943c6da479db137914ec835a7e715e36e45e29b587bab3b"
                + "f1"),
        key(
            hpke,
            "7f06ab8215105fc46aceeb2e3dc5028b44364f960426eb0d8e4026c2f8b5d7"
                + "e7a986688f1591abf5ab753c357a5d6f0440414b4ed4ede71317772ac98d9239f709"
                + "04"),
        "170f8beddfe949b75ef9c387e201baf4132fa7374593dfafa90768788b7b2b20"
            + "0aafcc6d80ea4c795a7c5b841a",
        "d9ee248e220ca24ac00bbbe7e221a832e4f7fa64c4fbab3945b6f3af0c5ecd5e"
            + "16815b328be4954a05fd352256");
  }

  private static AsymmetricCipherKeyPair key(HPKE hpke, String ikm) {
    return hpke.deriveKeyPair(HEX.parseHex(ikm));
  }

  /**
   * Seals the vector's plaintext with the vector's ephemeral key under aad {@code Count-0} and
   * {@code Count-1}, expecting its two ciphertexts, and opens the first as the recipient; gives the
   * encapsulation.
   */
  private static byte[] assertSealsAsTheVector(
      HPKE hpke,
      AsymmetricCipherKeyPair recipient,
      AsymmetricCipherKeyPair ephemeral,
      String firstCiphertext,
      String secondCiphertext)
      throws Exception {
    HPKEContextWithEncapsulation sender = hpke.setupBaseS(recipient.getPublic(), INFO, ephemeral);
    assertThat(HEX.formatHex(sender.seal(COUNT_0, PT))).isEqualTo(firstCiphertext);
    assertThat(HEX.formatHex(sender.seal(COUNT_1, PT))).isEqualTo(secondCiphertext);
    HPKEContext receiver = hpke.setupBaseR(sender.getEncapsulation(), recipient, INFO);
    assertThat(receiver.open(COUNT_0, HEX.parseHex(firstCiphertext))).isEqualTo(PT);
    return sender.getEncapsulation();
  }

  @Test
  void the_journal_suite_is_x25519_hkdf_sha256_aes_256_gcm() {
    HPKE suite = JournalCipher.suite();
    assertThat(suite.getAeadId()).isEqualTo(HPKE.aead_AES_GCM256);
    assertThat(suite.getEncSize()).isEqualTo(32);
  }
}
