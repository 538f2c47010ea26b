-- TOTP secrets are sealed with AES-256-GCM under a key kept outside this database
-- (TotpSecretCipher). Each column names the key its secret is sealed under; null marks a secret
-- stored in the clear by version 1, which the application seals at its next start (Mfa.reseal),
-- since the key is never given to the database.
alter table accounts add column totp_key_id text;
alter table accounts add column totp_pending_key_id text;
