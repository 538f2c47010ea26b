package io.tabula.flows.model;

/** A step name used as the next step somewhere, with where it is written. */
public record Target(String step, SourcePos pos) {}
