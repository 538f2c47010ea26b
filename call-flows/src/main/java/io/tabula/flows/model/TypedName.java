package io.tabula.flows.model;

import io.tabula.flows.connect.ValueType;

/** A value name with its type, e.g. a lookup output {@code balance: money}. */
public record TypedName(String name, ValueType type, SourcePos pos) {}
