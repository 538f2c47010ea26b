package io.tabula.journal.access;

import java.nio.file.Path;

/**
 * The {@code access:} section of a journal configuration: the access-control database (accounts,
 * roles, the hash-chained audit trail; docs/access.md) that journal commands sign users in against.
 * Reached like every database: TLS with verify-full against {@code caCertificate}. {@code totpKey}
 * is the key file the authenticator secrets are sealed under (the console's {@code --totp-key}):
 * without it no second factor can be checked, so no sign-in succeeds.
 */
public record AccessDatabaseRef(
    String host,
    int port,
    String name,
    String user,
    Path passwordFile,
    Path caCertificate,
    Path totpKey) {}
