package io.tabula.engine.residue;

import java.time.Duration;
import java.util.Locale;

/**
 * What happened in the whole-product residue test before the scans: the calls as the callers saw
 * them, the charges in the simulator's ledger, the lookups in the database's statement log, the
 * call slots the engine zeroed and how the engine exited.
 *
 * @param calls calls placed, approvals heard, calls the engine ended, how long they took
 * @param concurrency calls at once
 * @param charges approved charges in the simulator's ledger
 * @param ownCards whether each charge was the ticket's amount on the card of exactly one call
 * @param lookups ticket lookups the database logged
 * @param zeroings call memory slots the engine zeroed (its /metrics)
 * @param dumpTook how long jcmd took to write the heap dump
 * @param exitCode the engine's exit code after SIGTERM (143 is the JVM's normal answer)
 */
record ProductRun(
    PaidCalls.Result calls,
    int concurrency,
    int charges,
    boolean ownCards,
    long lookups,
    long zeroings,
    Duration dumpTook,
    int exitCode) {

  String summary() {
    return String.format(
        Locale.ROOT,
        "%d calls (%d at once) in %.1f s, %d heard 'approved', %d ended by the engine;"
            + " %d approved charges in the"
            + " simulator's ledger (each on its own call's card: %s); %d ticket lookups in the"
            + " database's statement log; %d call slots zeroed; heap dump written in %.1f s;"
            + " engine exit code %d",
        calls.calls(),
        concurrency,
        calls.took().toMillis() / 1000.0,
        calls.approved(),
        calls.engineHungUp(),
        charges,
        ownCards ? "yes" : "NO",
        lookups,
        zeroings,
        dumpTook.toMillis() / 1000.0,
        exitCode);
  }
}
