package io.tabula.engine.pbx.ami;

/**
 * An AMI {@code Redirect} the virtual AMI server accepted. The FastAGI side of the virtual PBX
 * turns it into what Asterisk does (fixtures README, observation 6): the command in flight ends
 * with {@code 200 result=-1}, then {@code HANGUP}, then 511 for later commands.
 */
public record RedirectRequest(String channel, String context, String exten, String priority) {}
