package io.tabula.flows.store;

import io.tabula.flows.model.Flow;

/** One published, validated, immutable version of a tenant's flow. */
public record FlowVersion(String tenant, String name, int version, Flow flow) {}
