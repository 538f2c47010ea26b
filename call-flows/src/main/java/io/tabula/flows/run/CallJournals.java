package io.tabula.flows.run;

import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallInfo;

/**
 * Opens the journal of each new call. The engine plugs in the call journal; everything else (the
 * simulator, tests) uses {@link #NONE}.
 */
@FunctionalInterface
public interface CallJournals {

  CallJournals NONE = (flow, version, info) -> CallJournal.NONE;

  /**
   * The journal of a call that runs {@code flow} in {@code version} (0 when the flow does not come
   * from a store).
   */
  CallJournal open(Flow flow, int version, CallInfo info);
}
