package io.tabula.flows.port;

import java.util.List;

/**
 * What Asterisk told us about the call in its {@code agi_*} block. None of it is secret; the caller
 * ID is personal data and is logged only where the operator allows it.
 *
 * @param callId the engine's random 128-bit id of the call; payment idempotency keys derive from it
 * @param uniqueId {@code agi_uniqueid}, the call id used in logs and metrics (unique per Asterisk
 *     only, and unauthenticated: never a key)
 * @param tenant first part of the request path
 * @param flow second part of the request path
 * @param channel {@code agi_channel}, the channel name the AMI link acts on
 * @param callerId {@code agi_callerid}
 * @param language {@code agi_language}
 * @param arguments {@code agi_arg_1..N}
 */
public record CallInfo(
    CallId callId,
    String uniqueId,
    String tenant,
    String flow,
    String channel,
    String callerId,
    String language,
    List<String> arguments) {

  public CallInfo {
    java.util.Objects.requireNonNull(callId, "callId");
    arguments = List.copyOf(arguments);
  }
}
