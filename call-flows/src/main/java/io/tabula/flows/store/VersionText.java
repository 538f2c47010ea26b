package io.tabula.flows.store;

/**
 * The text of one published version and the name its diagnostics give as the file (the version
 * file's path in the directory store, {@code postgres:city/parking-ticket@3} in PostgreSQL).
 */
public record VersionText(String source, String text) {}
