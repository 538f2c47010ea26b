package io.tabula.engine.agi;

/** What the decoder passes on for each reply: the command it answers and the decoded reply. */
public record CommandReply(PendingCommand command, AgiReply reply) {}
