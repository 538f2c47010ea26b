package io.tabula.engine.pbx;

/**
 * One SRV record of {@code _agi._tcp.<host>}: where an engine listens, and in which order Asterisk
 * tries it.
 *
 * @param priority lower first
 * @param weight the share among records of equal priority (see {@link SrvOrder} for what Asterisk
 *     really does with it)
 * @param port the engine's FastAGI port
 * @param host the target's host name, without the trailing dot
 */
public record SrvTarget(int priority, int weight, int port, String host) {}
