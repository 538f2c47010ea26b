package io.tabula.flows.port;

import java.util.List;
import java.util.Objects;

/**
 * What Asterisk told us about the call in its {@code agi_*} block. None of it is secret; the caller
 * ID is personal data and is logged only where the operator allows it.
 *
 * <p>A value class with the accessors (and the value semantics) of a record. The three values that
 * differ on every call (unique id, channel, caller ID) are kept in one string and cut out when
 * asked, which is rare (log lines, the AMI link, the call's end): three strings per call in
 * progress were about 130 bytes more of heap per call.
 *
 * <pre>{@code
 * CallInfo info = new CallInfo(id, "1732350000.42", "city", "parking", "PJSIP/t-1", "", "en", List.of());
 * info.channel(); // "PJSIP/t-1"
 * }</pre>
 */
public final class CallInfo {

  private final CallId callId;
  private final String tenant;
  private final String flow;
  private final String language;
  private final List<String> arguments;

  /** {@code uniqueId + channel + callerId}, each starting where the offsets below say. */
  private final String perCall;

  private final int channelFrom;
  private final int callerIdFrom;

  /**
   * @param callId the engine's random 128-bit id of the call; payment idempotency keys derive from
   *     it
   * @param uniqueId {@code agi_uniqueid}, the call id used in logs and metrics (unique per Asterisk
   *     only, and unauthenticated: never a key)
   * @param tenant first part of the request path
   * @param flow second part of the request path
   * @param channel {@code agi_channel}, the channel name the AMI link acts on
   * @param callerId {@code agi_callerid}
   * @param language {@code agi_language}
   * @param arguments {@code agi_arg_1..N}
   */
  public CallInfo(
      CallId callId,
      String uniqueId,
      String tenant,
      String flow,
      String channel,
      String callerId,
      String language,
      List<String> arguments) {
    this.callId = Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(callerId, "callerId");
    this.tenant = tenant;
    this.flow = flow;
    this.language = language;
    this.arguments = List.copyOf(arguments);
    this.perCall = uniqueId + channel + callerId;
    this.channelFrom = uniqueId.length();
    this.callerIdFrom = channelFrom + channel.length();
  }

  public CallId callId() {
    return callId;
  }

  /** {@code agi_uniqueid}; a new string each time. */
  public String uniqueId() {
    return perCall.substring(0, channelFrom);
  }

  public String tenant() {
    return tenant;
  }

  public String flow() {
    return flow;
  }

  /** {@code agi_channel}; a new string each time. */
  public String channel() {
    return perCall.substring(channelFrom, callerIdFrom);
  }

  /** {@code agi_callerid}; a new string each time. */
  public String callerId() {
    return perCall.substring(callerIdFrom);
  }

  public String language() {
    return language;
  }

  public List<String> arguments() {
    return arguments;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CallInfo that
        && callId.equals(that.callId)
        && channelFrom == that.channelFrom
        && callerIdFrom == that.callerIdFrom
        && perCall.equals(that.perCall)
        && Objects.equals(tenant, that.tenant)
        && Objects.equals(flow, that.flow)
        && Objects.equals(language, that.language)
        && arguments.equals(that.arguments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        callId, uniqueId(), tenant, flow, channel(), callerId(), language, arguments);
  }

  @Override
  public String toString() {
    return "CallInfo[callId="
        + callId
        + ", uniqueId="
        + uniqueId()
        + ", tenant="
        + tenant
        + ", flow="
        + flow
        + ", channel="
        + channel()
        + ", callerId="
        + callerId()
        + ", language="
        + language
        + ", arguments="
        + arguments
        + "]";
  }
}
