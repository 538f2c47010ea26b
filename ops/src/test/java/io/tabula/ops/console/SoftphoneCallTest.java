package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.ops.prompts.StandInAudio;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The softphone's call on its own: keys go in one at a time, a secure entry shows as {@code *} and
 * never appears in the transcript, and the call's memory is zeroed however the call ends.
 */
class SoftphoneCallTest {

  private final Clock clock = Clock.systemUTC();
  private final Connectors connectors = DemoConnectors.create(clock);
  private final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(2, 1024, false, false));
  private final FlowRef ref = new FlowRef("city", "parking-ticket");
  @TempDir Path sounds;
  private SoftphoneAudio audio = new SoftphoneAudio(List.of());

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void aPaidTicketShowsTheCardAsStarsAndZeroesTheCallMemory() throws Exception {
    CallMemory memory = memory();
    SoftphoneCall call =
        new SoftphoneCall(
            ref, flow(), memory, connectors, clock, audio, "flows/city/parking-ticket.yaml");
    call.start();
    call.settle();

    SoftphoneTranscript.View view = null;
    for (String keys : new String[] {"12345678", "1", "4242424242424242#", "1230", "123#"}) {
      view = press(call, keys);
    }

    assertThat(view.ended()).isTrue();
    assertThat(view.outcome()).isEqualTo("pay-ticket: approved");
    assertThat(view.lines())
        .extracting(SoftphoneTranscript.Line::text)
        .contains("****************#  (secure: digits kept in call memory)")
        .noneMatch(text -> text.contains("424242") || text.contains("1230"));
    assertThat(memory.isReleased()).isTrue();
    assertThat(pool.slotIsZero(memory.slot())).isTrue();
  }

  @Test
  void hangingUpInTheMiddleOfTheCardNumberZeroesTheDigitsAlreadyKeyed() throws Exception {
    CallMemory memory = memory();
    SoftphoneCall call =
        new SoftphoneCall(
            ref, flow(), memory, connectors, clock, audio, "flows/city/parking-ticket.yaml");
    call.start();
    call.settle();
    press(call, "12345678");
    press(call, "1");
    press(call, "424242");

    call.press(PhoneKey.HANGUP);
    SoftphoneTranscript.View view = call.settle();

    assertThat(view.ended()).isTrue();
    assertThat(view.lines())
        .last()
        .extracting(SoftphoneTranscript.Line::text)
        .isEqualTo("call ended: caller hung up");
    assertThat(pool.slotIsZero(memory.slot())).isTrue();
  }

  @Test
  void eachPromptHasItsRenderedAudioOrSaysWhichPromptLacksItAndHowToMakeIt() throws Exception {
    String text = ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow();
    StandInAudio.forFlow(sounds, text);
    Path welcome = sounds.resolve("en").resolve(soundOf("welcome") + ".wav");
    Files.delete(welcome);
    audio = new SoftphoneAudio(List.of(sounds));
    SoftphoneCall call =
        new SoftphoneCall(
            ref, flow(), memory(), connectors, clock, audio, "flows/city/parking-ticket.yaml");
    call.start();
    SoftphoneTranscript.View view = call.settle();
    call.hangUp();

    List<SoftphoneTranscript.Line> ivr =
        view.lines().stream().filter(l -> l.who().equals("ivr")).toList();
    assertThat(ivr.getFirst().playable()).isFalse();
    assertThat(ivr.getFirst().noAudio())
        .isEqualTo(
            "no audio: prompt 'welcome' (en) has no sound file yet; make it with tabula prompts"
                + " render --sounds "
                + sounds
                + " --flows flows/city/parking-ticket.yaml");
    assertThat(ivr.get(1).playable()).isTrue();
    int second = view.lines().indexOf(ivr.get(1));
    SoftphoneAudio.Clip clip = call.audio(view.id(), second).orElseThrow();
    assertThat(clip.files()).containsExactly(soundOf("enter-ticket"));
    byte[] wav = audio.wav(clip);
    try (var in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
      assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
      assertThat(in.getFrameLength() / 8000.0).isCloseTo(StandInAudio.SECONDS, within(0.01));
    }
    assertThat(call.audio("another-call", second)).isEmpty();
    assertThat(call.audio(view.id(), view.lines().indexOf(ivr.getFirst()))).isEmpty();
  }

  private String soundOf(String prompt) {
    return io.tabula.flows.run.FlowPrompts.prompts(flow(), "en").get(prompt).sound();
  }

  private static SoftphoneTranscript.View press(SoftphoneCall call, String keys)
      throws InterruptedException {
    for (char key : keys.toCharArray()) {
      call.press(PhoneKey.named(key == '#' ? "pound" : String.valueOf(key)).orElseThrow());
    }
    return call.settle();
  }

  private CallMemory memory() {
    if (pool.acquire() instanceof Acquisition.Acquired(CallMemory memory)) {
      return memory;
    }
    throw new AssertionError("the test pool is full");
  }

  private Flow flow() {
    return new FlowCompiler(ConnectorCatalog.of(connectors))
        .compile(
            "city/parking-ticket.yaml",
            ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow())
        .flow()
        .orElseThrow();
  }
}
