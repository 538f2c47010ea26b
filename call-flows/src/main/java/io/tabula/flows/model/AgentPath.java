package io.tabula.flows.model;

/**
 * How a caller reaches a person: the queue calls are transferred to, and the key that asks for it
 * wherever a step allows ({@code "0"} by convention).
 */
public record AgentPath(String queue, char key, SourcePos pos) {}
