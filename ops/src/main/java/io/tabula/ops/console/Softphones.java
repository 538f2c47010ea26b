package io.tabula.ops.console;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.model.Flow;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The softphone calls in progress, one per console session; a new call hangs up the session's
 * previous one. Their memory comes from a small pool of the same off-heap call memory the engine
 * uses (not locked in RAM: the softphone takes test cards only).
 */
final class Softphones implements AutoCloseable {

  private final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(16, 1024, false, false));
  private final Map<String, SoftphoneCall> calls = new ConcurrentHashMap<>();
  private final Connectors connectors;
  private final Clock clock;

  Softphones(Connectors connectors, Clock clock) {
    this.connectors = connectors;
    this.clock = clock;
  }

  /** Starts a call of {@code flow} for the session, or empty when every slot is busy. */
  Optional<SoftphoneCall> start(String session, FlowRef ref, Flow flow) {
    Optional.ofNullable(calls.remove(session)).ifPresent(SoftphoneCall::hangUp);
    if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory memory))) {
      return Optional.empty();
    }
    SoftphoneCall call = new SoftphoneCall(ref, flow, memory, connectors, clock);
    calls.put(session, call);
    call.start();
    return Optional.of(call);
  }

  Optional<SoftphoneCall> find(String session, FlowRef ref) {
    return Optional.ofNullable(calls.get(session)).filter(c -> c.ref().equals(ref));
  }

  void endSession(String session) {
    Optional.ofNullable(calls.remove(session)).ifPresent(SoftphoneCall::hangUp);
  }

  @Override
  public void close() {
    calls.values().forEach(SoftphoneCall::hangUp);
    calls.clear();
    pool.close();
  }
}
