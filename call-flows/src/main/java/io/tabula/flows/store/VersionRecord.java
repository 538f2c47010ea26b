package io.tabula.flows.store;

import java.time.Instant;

/**
 * One line of a flow's history: a published version, who published it, when and why.
 *
 * @param number the version, from 1, never reused
 * @param who the account that published it ({@link Publication#who()})
 * @param when when the version was published
 * @param note why ({@link Publication#note()}), possibly empty
 */
public record VersionRecord(int number, String who, Instant when, String note) {}
