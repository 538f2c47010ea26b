package io.tabula.ops.prompts;

import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.store.ShippedFlowFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The prompts of the flows the prompt commands work on: every {@code *.yaml} under the given
 * folders or files, including a flow store's published versions ({@code .published/}), so that
 * calls still on an older version keep their audio; the shipped flows when no path is given. Flows
 * are parsed, not validated: their connectors do not matter here, their words do.
 *
 * @param prompts the prompts, without duplicates (versions that say the same thing)
 * @param problems one line per flow file that could not be read, with what to do
 */
record FlowPromptReader(List<PlayedPrompt> prompts, List<String> problems) {

  /** Selects flows by tenant and flow name; empty means all. */
  record Selection(Optional<String> tenant, Optional<String> flow) {
    boolean includes(Flow flow) {
      return tenant.map(flow.tenant()::equals).orElse(true)
          && this.flow.map(flow.name()::equals).orElse(true);
    }
  }

  static FlowPromptReader read(List<Path> paths, Selection selection) throws IOException {
    Set<PlayedPrompt> prompts = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    if (paths.isEmpty()) {
      for (String name : ShippedFlowFiles.FLOWS) {
        add(name, ShippedFlowFiles.read(name).orElseThrow(), selection, prompts, problems);
      }
    }
    for (Path path : paths) {
      if (!Files.exists(path)) {
        problems.add(
            path + ": no such file or folder; give a folder of <tenant>/<flow>.yaml files");
        continue;
      }
      for (Path file : flowFiles(path)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        add(file.toString(), text, selection, prompts, problems);
      }
    }
    return new FlowPromptReader(List.copyOf(prompts), problems);
  }

  private static void add(
      String file,
      String text,
      Selection selection,
      Set<PlayedPrompt> prompts,
      List<String> problems) {
    FlowParser.ParseResult parsed = FlowParser.parse(file, text);
    if (parsed.flow().isEmpty()) {
      problems.add(
          file
              + ": not a readable flow ("
              + parsed.problems().size()
              + " problem(s)); run tabula flows validate "
              + file);
      return;
    }
    if (selection.includes(parsed.flow().get())) {
      prompts.addAll(PlayedPrompt.of(parsed.flow().get()));
    }
  }

  private static List<Path> flowFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted()
          .toList();
    }
  }
}
