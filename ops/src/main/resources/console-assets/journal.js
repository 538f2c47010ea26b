// The journal page's re-identification, entirely in this browser (docs/journal.md, "The browser
// path"): the tenant's private key file (the password-protected PKCS#8 that `tabula journal
// keygen` writes) is opened here with WebCrypto, the server sends only sealed values (after it has
// recorded the request and its reason in the audit trail), and each value is opened here with HPKE
// (RFC 9180) base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM. Neither the key, its
// password nor a clear value leaves the page. Written for this console from the RFCs; no library.
"use strict";

(function () {
  const subtle = crypto.subtle;
  const utf8 = new TextEncoder();

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  function i2osp(value, length) {
    const out = new Uint8Array(length);
    for (let i = length - 1; i >= 0; i--, value = Math.floor(value / 256)) {
      out[i] = value & 0xff;
    }
    return out;
  }

  function fromBase64(text) {
    const raw = atob(text);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      out[i] = raw.charCodeAt(i);
    }
    return out;
  }

  function fromBase64url(text) {
    const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    return fromBase64(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  }

  function hex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function base64url(bytes) {
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // ---- HKDF-SHA256 (RFC 5869) in its two halves, as HPKE's labeled functions need them. ----

  async function hmac(key, data) {
    // WebCrypto refuses an empty HMAC key; HMAC pads a short key with zeros to the block size, so
    // HashLen zero bytes is the same key (RFC 5869 uses exactly that for an absent salt).
    const raw = key.length === 0 ? new Uint8Array(32) : key;
    const k = await subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", k, data));
  }

  async function extract(salt, ikm) {
    return hmac(salt, ikm);
  }

  async function expand(prk, info, length) {
    const out = new Uint8Array(length);
    let block = new Uint8Array(0);
    for (let i = 1, at = 0; at < length; i++) {
      block = await hmac(prk, concat(block, info, Uint8Array.of(i)));
      out.set(block.subarray(0, Math.min(block.length, length - at)), at);
      at += block.length;
    }
    return out;
  }

  // ---- HPKE (RFC 9180), base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-GCM. ----

  const HPKE_V1 = utf8.encode("HPKE-v1");
  const KEM_ID = 0x0020;
  const KDF_ID = 0x0001;
  // aead 1: AES-128-GCM (Nk 16), 2: AES-256-GCM (Nk 32); the journal uses 2, RFC 9180 A.1 prints 1.
  const AEAD_KEY_LENGTH = { 1: 16, 2: 32 };

  function labeledExtract(suite, salt, label, ikm) {
    return extract(salt, concat(HPKE_V1, suite, utf8.encode(label), ikm));
  }

  function labeledExpand(suite, prk, label, info, length) {
    return expand(prk, concat(i2osp(length, 2), HPKE_V1, suite, utf8.encode(label), info), length);
  }

  /** DHKEM Decap (RFC 9180 4.1): the shared secret of enc for the recipient key pair. */
  async function decap(enc, privateKey, publicKeyRaw) {
    const suite = concat(utf8.encode("KEM"), i2osp(KEM_ID, 2));
    const pkE = await subtle.importKey("raw", enc, { name: "X25519" }, false, []);
    const dh = new Uint8Array(await subtle.deriveBits({ name: "X25519", public: pkE }, privateKey, 256));
    const eaePrk = await labeledExtract(suite, new Uint8Array(0), "eae_prk", dh);
    dh.fill(0);
    return labeledExpand(suite, eaePrk, "shared_secret", concat(enc, publicKeyRaw), 32);
  }

  /** KeySchedule (RFC 9180 5.1) in base mode: the AEAD key and base nonce. */
  async function keySchedule(aead, sharedSecret, info) {
    const suite = concat(utf8.encode("HPKE"), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(aead, 2));
    const empty = new Uint8Array(0);
    const pskIdHash = await labeledExtract(suite, empty, "psk_id_hash", empty);
    const infoHash = await labeledExtract(suite, empty, "info_hash", info);
    const context = concat(Uint8Array.of(0), pskIdHash, infoHash);
    const secret = await labeledExtract(suite, sharedSecret, "secret", empty);
    const key = await labeledExpand(suite, secret, "key", context, AEAD_KEY_LENGTH[aead]);
    const baseNonce = await labeledExpand(suite, secret, "base_nonce", context, 12);
    secret.fill(0);
    return { key, baseNonce };
  }

  /**
   * Single-shot Open (RFC 9180 6.1) of the first message of a context (sequence 0, so the nonce is
   * the base nonce): the plaintext bytes, or a rejected promise when anything does not match.
   */
  async function openBase(aead, privateKey, publicKeyRaw, enc, info, aad, ciphertext) {
    const sharedSecret = await decap(enc, privateKey, publicKeyRaw);
    const { key, baseNonce } = await keySchedule(aead, sharedSecret, info);
    sharedSecret.fill(0);
    const aesKey = await subtle.importKey("raw", key, { name: "AES-GCM" }, false, ["decrypt"]);
    key.fill(0);
    const clear = await subtle.decrypt({ name: "AES-GCM", iv: baseNonce, additionalData: aad }, aesKey, ciphertext);
    return new Uint8Array(clear);
  }

  // ---- The key file: PEM, PKCS#8 EncryptedPrivateKeyInfo, PBES2 (RFC 8018). ----

  const OID = {
    pbes2: "2a864886f70d01050d",
    pbkdf2: "2a864886f70d01050c",
    hmacSha256: "2a864886f70d0209",
    aes256Cbc: "60864801650304012a"
  };

  /** One DER element at `at`: its tag, where its contents start and end. */
  function der(bytes, at) {
    const tag = bytes[at];
    let length = bytes[at + 1];
    let start = at + 2;
    if (length & 0x80) {
      const count = length & 0x7f;
      length = 0;
      for (let i = 0; i < count; i++) {
        length = length * 256 + bytes[start + i];
      }
      start += count;
    }
    if (start + length > bytes.length) {
      throw new Error("the key file is damaged (a DER length runs past its end)");
    }
    return { tag, start, end: start + length, contents: bytes.subarray(start, start + length) };
  }

  function children(bytes, element) {
    const out = [];
    for (let at = element.start; at < element.end; ) {
      const child = der(bytes, at);
      out.push(child);
      at = child.end;
    }
    return out;
  }

  function integer(element) {
    return element.contents.reduce((n, b) => n * 256 + b, 0);
  }

  /** The PBES2 parameters and the encrypted PKCS#8 of an ENCRYPTED PRIVATE KEY PEM. */
  function encryptedKeyInfo(pem) {
    const match = /-----BEGIN ENCRYPTED PRIVATE KEY-----([\s\S]+?)-----END ENCRYPTED PRIVATE KEY-----/.exec(pem);
    if (!match) {
      throw new Error("this is not the key file journal keygen writes (no ENCRYPTED PRIVATE KEY block); pick <tenant>.journal-key.pem");
    }
    const bytes = fromBase64(match[1].replace(/\s+/g, ""));
    const [algorithm, data] = children(bytes, der(bytes, 0));
    const [scheme, parameters] = children(bytes, algorithm);
    const [kdf, cipher] = children(bytes, parameters);
    const [kdfOid, kdfParams] = children(bytes, kdf);
    const [saltElement, iterationsElement, ...rest] = children(bytes, kdfParams);
    const prf = rest.find((e) => e.tag === 0x30);
    const prfOid = prf ? hex(children(bytes, prf)[0].contents) : "";
    const [cipherOid, iv] = children(bytes, cipher);
    if (hex(scheme.contents) !== OID.pbes2 || hex(kdfOid.contents) !== OID.pbkdf2
        || prfOid !== OID.hmacSha256 || hex(cipherOid.contents) !== OID.aes256Cbc) {
      throw new Error("the key file is not PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, as journal keygen writes it");
    }
    return {
      salt: saltElement.contents.slice(),
      iterations: integer(iterationsElement),
      iv: iv.contents.slice(),
      encrypted: data.contents.slice()
    };
  }

  /**
   * The X25519 private key (a WebCrypto key) and its raw public key, from the key file's text and
   * its password. The password's bytes are zeroed once the AES key is derived.
   */
  async function unlock(pem, password) {
    const info = encryptedKeyInfo(pem);
    const passwordBytes = utf8.encode(password);
    const base = await subtle.importKey("raw", passwordBytes, "PBKDF2", false, ["deriveKey"]);
    passwordBytes.fill(0);
    const aes = await subtle.deriveKey(
      { name: "PBKDF2", salt: info.salt, iterations: info.iterations, hash: "SHA-256" },
      base, { name: "AES-CBC", length: 256 }, false, ["decrypt"]);
    let pkcs8;
    try {
      pkcs8 = new Uint8Array(await subtle.decrypt({ name: "AES-CBC", iv: info.iv }, aes, info.encrypted));
    } catch (e) {
      throw new Error("the password does not open this key file; check it and try again");
    }
    try {
      const privateKey = await subtle.importKey("pkcs8", pkcs8, { name: "X25519" }, true, ["deriveBits"]);
      const jwk = await subtle.exportKey("jwk", privateKey);
      // The JWK's d is a string the page cannot zero; it is dropped here and left to the collector.
      const publicKeyRaw = jwk.x ? fromBase64url(jwk.x) : await publicKeyOf(privateKey);
      return { privateKey, publicKeyRaw, keyId: await keyIdOf(publicKeyRaw) };
    } catch (e) {
      throw new Error("the password does not open this key file, or it holds no X25519 key; check both");
    } finally {
      pkcs8.fill(0);
    }
  }

  /** X25519(sk, 9): the public key, for a browser whose JWK export leaves out x. */
  async function publicKeyOf(privateKey) {
    const basePoint = new Uint8Array(32);
    basePoint[0] = 9;
    const base = await subtle.importKey("raw", basePoint, { name: "X25519" }, false, []);
    return new Uint8Array(await subtle.deriveBits({ name: "X25519", public: base }, privateKey, 256));
  }

  /** `jk-` and the first 8 bytes of the public key's SHA-256, as the journal names keys. */
  async function keyIdOf(publicKeyRaw) {
    const digest = new Uint8Array(await subtle.digest("SHA-256", publicKeyRaw));
    return "jk-" + hex(digest.subarray(0, 8));
  }

  /** A private key from its raw bytes (for test vectors): WebCrypto imports X25519 as JWK. */
  async function privateKeyFromRaw(skRaw, pkRaw) {
    return subtle.importKey("jwk", { kty: "OKP", crv: "X25519", d: base64url(skRaw), x: base64url(pkRaw) },
      { name: "X25519" }, false, ["deriveBits"]);
  }

  // ---- The page. ----

  function say(status, text, problem) {
    status.textContent = text;
    status.className = problem ? "problem" : "ok";
  }

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(new Error("the key file could not be read; pick it again"));
      reader.readAsText(file);
    });
  }

  async function reidentify(form, status) {
    const results = document.getElementById("results");
    const fileInput = document.getElementById("key-file");
    const passwordInput = document.getElementById("key-password");
    const reason = document.getElementById("reason").value.trim();
    if (!reason || fileInput.files.length !== 1 || !passwordInput.value) {
      throw new Error("give a reason, the key file and its password");
    }
    say(status, "Opening the key file in this browser…", false);
    const key = await unlock(await readFile(fileInput.files[0]), passwordInput.value);
    passwordInput.value = "";
    fileInput.value = "";
    say(status, "Recording the request in the audit trail…", false);
    const csrf = document.querySelector("meta[name='csrf-token']").content;
    const response = await fetch("/journal/reidentify", {
      method: "POST",
      headers: { "X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ search: results.dataset.search, reason }),
      credentials: "same-origin"
    });
    if (!response.ok) {
      throw new Error((await response.text()) || "the server refused the request (" + response.status + ")");
    }
    const sealed = await response.json();
    let opened = 0;
    let others = 0;
    for (const record of sealed.records) {
      const table = document.querySelector("table[data-record='" + record.id + "']");
      for (const value of record.values) {
        const cell = table && table.querySelector("td[data-field='" + value.field + "']");
        if (!cell) {
          continue;
        }
        if (value.keyId !== key.keyId) {
          cell.textContent = "sealed to " + value.keyId + ", not to this key file (" + key.keyId + ")";
          others++;
          continue;
        }
        try {
          const clear = await openBase(2, key.privateKey, key.publicKeyRaw, fromBase64(value.enc),
            fromBase64(value.info), fromBase64(value.aad), fromBase64(value.ciphertext));
          cell.textContent = new TextDecoder().decode(clear);
          clear.fill(0);
          cell.classList.add("opened");
          opened++;
        } catch (e) {
          cell.textContent = "did not open: the record was altered, or the key does not match";
        }
      }
    }
    say(status, opened + " value(s) opened in this browser with key " + key.keyId
      + (others ? "; " + others + " sealed to another key" : "") + ". The request is in the audit trail.", false);
  }

  window.TabulaJournal = { openBase, unlock, privateKeyFromRaw, keyIdOf };

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("reidentify-form");
    const status = document.getElementById("reidentify-status");
    if (!form) {
      return;
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      reidentify(form, status).catch((e) => say(status, "Not opened: " + e.message, true));
    });
  });
})();
