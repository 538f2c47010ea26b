package io.tabula.engine.pbx;

import java.time.Duration;
import java.util.List;

/** GET DATA, WAIT FOR DIGIT and STREAM FILE: the commands that wait for the caller's keys. */
final class MediaCommands {

  private static final long DEFAULT_GET_DATA_TIMEOUT_MS = 6000;

  private MediaCommands() {}

  static void getData(PbxCall call, List<String> args) {
    String prompt = args.get(2);
    long timeout = args.size() > 3 ? PbxCommands.parseLong(args.get(3), 0) : 0;
    if (timeout <= 0) {
      timeout = DEFAULT_GET_DATA_TIMEOUT_MS;
    }
    int max = args.size() > 4 ? (int) PbxCommands.parseLong(args.get(4), 1024) : 1024;
    if (call.options().missingSounds().contains(prompt)) {
      // Asterisk 22.10.1 answers at once, collects nothing and the channel stays up (checked by
      // hand against ../shared/asterisk: "File <name> does not exist in any format").
      call.heard(new Heard(Heard.Kind.PROMPT, prompt));
      call.reply(0, "200 result=-1\n");
      return;
    }
    // GET DATA "" plays nothing and only collects (checked against the same Asterisk).
    long promptMs = prompt.isEmpty() ? 0 : call.options().millisOf(prompt);
    if (!prompt.isEmpty()) {
      call.heard(new Heard(Heard.Kind.PROMPT, prompt));
    }
    long finalTimeout = timeout;
    withKeys(
        call,
        new InputRequest("GET DATA", prompt, max, Duration.ofMillis(timeout)),
        "200 result=-1\n",
        keys -> {
          MediaTimeline.Outcome o = MediaTimeline.getData(keys, promptMs, finalTimeout, max);
          if (call.pendingKeys != null) {
            call.pendingKeys.drop();
          }
          call.pendingKeys = null;
          call.replyWithKeys(
              delay(call, o), "200 result=", o.result(), o.timedOut() ? " (timeout)\n" : "\n");
        });
  }

  static void waitForDigit(PbxCall call, long timeout) {
    withKeys(
        call,
        new InputRequest("WAIT FOR DIGIT", "", 1, timeout < 0 ? null : Duration.ofMillis(timeout)),
        "200 result=-1\n",
        keys -> {
          if ((keys == null || keys.isEmpty()) && timeout < 0) {
            return; // waits forever, like Asterisk with a silent caller
          }
          MediaTimeline.Outcome o = MediaTimeline.waitForDigit(keys, timeout);
          call.replyWithKeys(delay(call, o), "200 result=", o.result(), "\n");
        });
  }

  static void streamFile(PbxCall call, String prompt, String escapeKeys) {
    long promptMs = call.options().millisOf(prompt);
    call.heard(new Heard(Heard.Kind.PROMPT, prompt));
    if (call.options().missingSounds().contains(prompt)) {
      call.reply(0, "200 result=-1 endpos=0\n");
      return;
    }
    if (escapeKeys.isEmpty()) {
      call.reply(promptMs, "200 result=0 endpos=" + promptMs * 8 + "\n");
      return;
    }
    withKeys(
        call,
        new InputRequest("STREAM FILE", prompt, 1, Duration.ofMillis(promptMs), escapeKeys),
        "200 result=-1 endpos=0\n",
        keys -> {
          MediaTimeline.Outcome o = MediaTimeline.streamFile(keys, promptMs, escapeKeys);
          call.replyWithKeys(
              delay(call, o), "200 result=", o.result(), " endpos=" + o.endpos() + "\n");
        });
  }

  /** A real-time caller answered when the command was over: the reply goes at once. */
  private static long delay(PbxCall call, MediaTimeline.Outcome outcome) {
    return call.caller().inRealTime() ? 0 : outcome.delay();
  }

  /**
   * Gives {@code then} the caller's keys: left-over keys first, else the caller's next action. A
   * hang-up answers {@code hangupResult} and the HANGUP line instead.
   */
  private static void withKeys(
      PbxCall call,
      InputRequest request,
      String hangupResult,
      java.util.function.Consumer<MediaTimeline.PendingKeys> then) {
    if (call.pendingKeys != null && !call.pendingKeys.isEmpty()) {
      then.accept(call.pendingKeys);
      return;
    }
    int command = call.command();
    call.caller()
        .input(request)
        .whenComplete(
            (action, error) ->
                call.later(
                    0,
                    () -> {
                      if (call.answeredEarly(command)) {
                        return; // a redirect answered this command; the keys come too late
                      }
                      switch (action == null ? new CallerAction.HangUp(Duration.ZERO) : action) {
                        case CallerAction.HangUp(Duration after) ->
                            call.hangUpDuring(after.toMillis(), hangupResult);
                        case CallerAction.Silence silence -> {
                          call.pendingKeys = null;
                          then.accept(null);
                        }
                        case CallerAction.Keys(KeyPresses keys, Duration first, Duration gap) -> {
                          call.pendingKeys =
                              new MediaTimeline.PendingKeys(keys, first.toMillis(), gap.toMillis());
                          then.accept(call.pendingKeys);
                        }
                      }
                    }));
  }
}
