package io.tabula.ops.prompts;

import io.tabula.flows.run.PromptSound;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that pick flows, shared by the prompt commands (a picocli mixin). */
final class FlowOptions {

  @Option(
      names = "--flows",
      paramLabel = "DIR|FILE",
      description =
          "Flow files or folders (<tenant>/<flow>.yaml), a flow store included (every published"
              + " version); default: the shipped flows.")
  List<Path> flows = new ArrayList<>();

  @Option(names = "--tenant", paramLabel = "TENANT", description = "Only this tenant's flows.")
  String tenant;

  @Option(names = "--flow", paramLabel = "FLOW", description = "Only the flow of this name.")
  String flow;

  /**
   * The content-keyed prompts of the chosen flows; empty (problems printed) if any is unreadable.
   */
  Optional<List<PlayedPrompt>> read(PrintWriter err) throws IOException {
    FlowPromptReader read =
        FlowPromptReader.read(
            flows,
            new FlowPromptReader.Selection(Optional.ofNullable(tenant), Optional.ofNullable(flow)));
    read.problems().forEach(problem -> err.println("error: " + problem));
    if (!read.problems().isEmpty()) {
      err.flush();
      return Optional.empty();
    }
    List<PlayedPrompt> prompts =
        new ArrayList<>(read.prompts().stream().filter(PlayedPrompt::contentKeyed).toList());
    if (prompts.isEmpty()) {
      err.println(
          "error: no prompts in the chosen flows; check --flows, --tenant and --flow"
              + (tenant != null || flow != null ? " (a tenant or flow of that name exists?)" : ""));
      err.flush();
      return Optional.empty();
    }
    if (tenant == null && flow == null) {
      PlayedPrompt.ENGINE_TEXTS.forEach(
          (name, text) -> prompts.add(PlayedPrompt.engine(name, text, PromptSound.LANGUAGE)));
    }
    return Optional.of(prompts);
  }

  static long flowCount(List<PlayedPrompt> prompts) {
    return prompts.stream()
        .map(PlayedPrompt::owner)
        .filter(owner -> !owner.equals(PlayedPrompt.ENGINE))
        .distinct()
        .count();
  }
}
