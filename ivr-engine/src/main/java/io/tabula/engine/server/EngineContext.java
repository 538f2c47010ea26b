package io.tabula.engine.server;

import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.session.CallSettings;
import io.tabula.engine.session.EngineMetrics;
import io.tabula.flows.port.CallHandlers;
import io.tabula.masking.memory.CallMemoryPool;

/** What every connection of one engine shares. */
record EngineContext(
    CallHandlers handlers,
    CallMemoryPool pool,
    EngineMetrics metrics,
    CallSettings settings,
    RecordingControl recording,
    SessionRegistry sessions) {}
