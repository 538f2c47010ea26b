package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Try: the softphone page runs the draft through the flow simulator's runner. Each keypad button is
 * a POST of one key ({@code /try/key/5}); the answer is the transcript once the flow has taken it.
 * Without JavaScript the buttons are plain forms and the page reloads.
 */
public final class TryPages {

  private final FlowLibrary library;
  private final Softphones softphones;
  private final Templates templates;
  private final FlowPages pages;

  TryPages(FlowLibrary library, Softphones softphones, Templates templates, FlowPages pages) {
    this.library = library;
    this.softphones = softphones;
    this.templates = templates;
    this.pages = pages;
  }

  void routes(RoutesConfig routes) {
    routes.get("/flows/{tenant}/{flow}/try", this::page);
    routes.post("/flows/{tenant}/{flow}/try/call", this::call);
    routes.post("/flows/{tenant}/{flow}/try/key/{key}", this::key);
    routes.get("/flows/{tenant}/{flow}/try/audio/{call}/{line}", this::audio);
  }

  /**
   * A line of the session's call as WAV ({@code /try/audio/<call id>/<line>.wav}): only lines of
   * the call in progress (or just ended) with audio, so the address names no file.
   */
  private void audio(Context ctx) throws IOException {
    WebSecurity.require(ctx, Role.SIMULATOR);
    FlowRef ref = FlowPages.ref(ctx);
    String line = ctx.pathParam("line");
    if (!line.matches("[0-9]{1,6}\\.wav")) {
      throw new NotFoundResponse("No such audio; press Call, then play a line of the transcript.");
    }
    int index = Integer.parseInt(line.substring(0, line.length() - ".wav".length()));
    SoftphoneAudio.Clip clip =
        softphones
            .find(WebSecurity.session(ctx).id(), ref)
            .flatMap(call -> call.audio(ctx.pathParam("call"), index))
            .orElseThrow(
                () ->
                    new NotFoundResponse(
                        "No such audio; press Call, then play a line of the transcript."));
    byte[] wav;
    try {
      wav = softphones.audio().wav(clip);
    } catch (io.tabula.ops.prompts.SoundLibrary.SoundException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
          .contentType("text/plain; charset=utf-8")
          .result(e.getMessage());
      return;
    }
    ctx.contentType("audio/wav").result(wav);
  }

  private void page(Context ctx) throws IOException {
    WebSecurity.require(ctx, Role.SIMULATOR);
    FlowRef ref = FlowPages.ref(ctx);
    Optional<SoftphoneCall> call = softphones.find(WebSecurity.session(ctx).id(), ref);
    templates.page(
        ctx,
        "try.jte",
        Map.of(
            "page", pages.page(ctx, "Try " + ref),
            "ref", ref,
            "phone", phone(ref, call.map(SoftphoneCall::view), "")));
  }

  private void call(Context ctx) throws IOException, InterruptedException {
    WebSecurity.require(ctx, Role.SIMULATOR);
    FlowRef ref = FlowPages.ref(ctx);
    String text = library.draft(ref).or(() -> published(ref)).orElse("");
    DraftCheck.Result check = library.checkToTry(ref, text);
    if (!check.ok() || check.flow().isEmpty()) {
      answer(
          ctx,
          ref,
          Optional.empty(),
          "The draft has errors; fix them in the editor, then call again.");
      return;
    }
    Optional<SoftphoneCall> call =
        softphones.start(WebSecurity.session(ctx).id(), ref, check.flow().get());
    if (call.isEmpty()) {
      answer(
          ctx,
          ref,
          Optional.empty(),
          "Every softphone line is busy; hang up another call and try again.");
      return;
    }
    answer(ctx, ref, Optional.of(call.get().settle()), "");
  }

  private Optional<String> published(FlowRef ref) {
    try {
      return library
          .latest(ref)
          .flatMap(
              v -> {
                try {
                  return library.versionText(ref, v.number());
                } catch (IOException e) {
                  return Optional.empty();
                }
              });
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void key(Context ctx) throws InterruptedException {
    WebSecurity.require(ctx, Role.SIMULATOR);
    FlowRef ref = FlowPages.ref(ctx);
    PhoneKey key =
        PhoneKey.named(ctx.pathParam("key"))
            .orElseThrow(
                () ->
                    new BadRequestResponse(
                        "Not a key of the keypad; use 0-9, star, pound, silence or hangup."));
    Optional<SoftphoneCall> call = softphones.find(WebSecurity.session(ctx).id(), ref);
    if (call.isEmpty() || call.get().ended()) {
      answer(ctx, ref, call.map(SoftphoneCall::view), "No call in progress; press Call first.");
      return;
    }
    call.get().press(key);
    answer(ctx, ref, Optional.of(call.get().settle()), "");
  }

  private void answer(
      Context ctx, FlowRef ref, Optional<SoftphoneTranscript.View> view, String problem) {
    if (ctx.header("HX-Request") == null) {
      ctx.redirect(ref.path() + "/try", HttpStatus.SEE_OTHER);
      return;
    }
    templates.page(ctx, "phone.jte", Map.of("phone", phone(ref, view, problem)));
  }

  /** What the phone part of the page shows. */
  public record Phone(FlowRef ref, Optional<SoftphoneTranscript.View> call, String problem) {
    public boolean inCall() {
      return call.isPresent() && !call.get().ended();
    }
  }

  private static Phone phone(FlowRef ref, Optional<SoftphoneTranscript.View> view, String problem) {
    return new Phone(ref, view, problem);
  }
}
