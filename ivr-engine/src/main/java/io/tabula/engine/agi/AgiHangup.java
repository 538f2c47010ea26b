package io.tabula.engine.agi;

/**
 * The bare {@code HANGUP} line: Asterisk's news that the channel hung up or was redirected. It may
 * come at any point: before or after the reply to the command in flight, and again when either side
 * closes the connection.
 */
public enum AgiHangup {
  INSTANCE
}
