package io.tabula.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.ami.RecordingControlException;
import io.tabula.flows.port.CallPortException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The mute window's decisions, one call's commands at a time. */
class MuteWindowUnitTest {

  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final RecordingControl recording =
      new RecordingControl() {
        @Override
        public void mute(String channel) {
          sent.add("mute " + channel);
        }

        @Override
        public void unmute(String channel) {
          sent.add("unmute " + channel);
        }
      };

  @Test
  void aSecureCollectThatFailedKeepsTheRecordingMutedForTheRestOfTheCall() {
    MuteWindow window = new MuteWindow(recording, "PJSIP/t-1", "1.1", Duration.ZERO);

    window.beforeSecure();
    window.afterSecure(false);
    window.beforeOpenCommand();
    window.beforeOpenCommand();

    assertThat(sent).containsExactly("mute PJSIP/t-1");
    assertThat(window.muted()).isTrue();
  }

  @Test
  void afterTheGraceTheNextOpenCommandUnmutesOnceAndTheNextSecureCollectMutesAgain() {
    MuteWindow window = new MuteWindow(recording, "PJSIP/t-1", "1.1", Duration.ZERO);

    window.beforeSecure();
    window.afterSecure(true);
    window.beforeOpenCommand();
    window.beforeOpenCommand();
    window.beforeSecure();

    assertThat(sent).containsExactly("mute PJSIP/t-1", "unmute PJSIP/t-1", "mute PJSIP/t-1");
  }

  @Test
  void aRefusedMuteSaysWhyWithOurOwnMessageAndOnlyTheTypeOfAnyOther() {
    RecordingControl noLink =
        new RecordingControl() {
          @Override
          public void mute(String channel) {
            throw new RecordingControlException("No AMI link serves the Asterisk at 192.0.2.7");
          }

          @Override
          public void unmute(String channel) {}
        };
    RecordingControl broken =
        new RecordingControl() {
          @Override
          public void mute(String channel) {
            throw new IllegalStateException("text from a library that might quote anything");
          }

          @Override
          public void unmute(String channel) {}
        };

    assertThatThrownBy(() -> new MuteWindow(noLink, "c", "1.1", Duration.ZERO).beforeSecure())
        .isInstanceOfSatisfying(
            CallPortException.class,
            e -> assertThat(e.kind()).isEqualTo(CallPortException.Kind.RECORDING_NOT_MUTED))
        .hasMessageContaining("192.0.2.7");
    assertThatThrownBy(() -> new MuteWindow(broken, "c", "1.1", Duration.ZERO).beforeSecure())
        .hasMessageContaining("IllegalStateException")
        .hasMessageNotContaining("library");
  }
}
