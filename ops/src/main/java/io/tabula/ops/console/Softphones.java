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
  private final SoftphoneAudio audio;
  private final java.nio.file.Path store;

  /**
   * @param sounds where the prompts' audio is, as for publishing
   * @param store the flow store, whose draft file the render command names
   */
  Softphones(Connectors connectors, Clock clock, ConsoleSounds sounds, java.nio.file.Path store) {
    this.connectors = connectors;
    this.clock = clock;
    this.audio = new SoftphoneAudio(sounds.dirs());
    this.store = store;
  }

  SoftphoneAudio audio() {
    return audio;
  }

  /** Starts a call of {@code flow} for the session, or empty when every slot is busy. */
  Optional<SoftphoneCall> start(String session, FlowRef ref, Flow flow) {
    Optional.ofNullable(calls.remove(session)).ifPresent(SoftphoneCall::hangUp);
    if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory memory))) {
      return Optional.empty();
    }
    String flowFile = store.resolve(ref.tenant()).resolve(ref.flow() + ".yaml").toString();
    SoftphoneCall call = new SoftphoneCall(ref, flow, memory, connectors, clock, audio, flowFile);
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
