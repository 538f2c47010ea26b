package io.tabula.engine.session;

import io.tabula.engine.ami.RecordingControl;

/**
 * What both ports of one call keep about its channel: the recording's mute window and the channel's
 * language ({@code agi_language}, then what {@code setLanguage} set). A stepped call hands its work
 * to a blocking port now and then; the two share this, one at a time, never from two threads at
 * once (the hand-over to the thread and back orders their accesses).
 *
 * <p>It is the mute window itself, extended by the language, rather than holding one: a call in
 * progress keeps one object less.
 */
final class CallChannel extends MuteWindow {

  private String language;

  CallChannel(CallSession session, RecordingControl recording) {
    super(recording, session.info(), session.settings().unmuteGrace());
    this.language = session.info().language() == null ? "" : session.info().language();
  }

  MuteWindow mute() {
    return this;
  }

  String language() {
    return language;
  }

  void language(String language) {
    this.language = language;
  }
}
