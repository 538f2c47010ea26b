package io.tabula.ops.console;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What publishing a draft would change: a unified line diff against the published text, and the
 * steps and prompts added, removed or changed. The steps and prompts are compared only when both
 * texts compile ({@code comparable}); a draft that does not compile has no steps to compare, and
 * listing every step as removed would say the wrong thing.
 */
public record FlowChanges(
    List<DiffLine> lines, List<Change> steps, List<Change> prompts, boolean comparable) {

  /**
   * One line of the diff; {@code kind} is {@code add}, {@code remove}, {@code hunk} or {@code
   * same}.
   */
  public record DiffLine(String kind, String text) {}

  /**
   * A step or prompt and what happened to it: {@code added}, {@code removed} or {@code changed}.
   */
  public record Change(String id, String what) {}

  public boolean none() {
    return steps.isEmpty()
        && prompts.isEmpty()
        && lines.stream().allMatch(l -> l.kind().equals("same"));
  }

  static FlowChanges between(
      String publishedText, Optional<Flow> published, String draftText, Optional<Flow> draft) {
    List<String> before = publishedText.lines().toList();
    List<String> after = draftText.lines().toList();
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            "published", "draft", before, DiffUtils.diff(before, after), 3);
    List<DiffLine> lines = new ArrayList<>();
    for (String line : unified.stream().skip(2).toList()) {
      String kind =
          line.startsWith("@@")
              ? "hunk"
              : line.startsWith("+") ? "add" : line.startsWith("-") ? "remove" : "same";
      lines.add(new DiffLine(kind, line));
    }
    // No published version yet: every step of the draft is new.
    boolean publishedCompiles = published.isPresent() || publishedText.isBlank();
    if (!publishedCompiles || draft.isEmpty()) {
      return new FlowChanges(lines, List.of(), List.of(), false);
    }
    return new FlowChanges(
        lines,
        compare(stepTexts(published, before), stepTexts(draft, after)),
        compare(published.map(Flow::prompts).orElse(Map.of()), draft.get().prompts()),
        true);
  }

  private static List<Change> compare(Map<String, String> before, Map<String, String> after) {
    TreeSet<String> ids = new TreeSet<>(before.keySet());
    ids.addAll(after.keySet());
    List<Change> changes = new ArrayList<>();
    for (String id : ids) {
      if (!before.containsKey(id)) {
        changes.add(new Change(id, "added"));
      } else if (!after.containsKey(id)) {
        changes.add(new Change(id, "removed"));
      } else if (!Objects.equals(before.get(id), after.get(id))) {
        changes.add(new Change(id, "changed"));
      }
    }
    return changes;
  }

  /**
   * Each step's own lines of YAML, from its line to the next step's (positions differ when lines
   * move; the text does not), with the indentation stripped.
   */
  private static Map<String, String> stepTexts(Optional<Flow> flow, List<String> lines) {
    Map<String, String> texts = new TreeMap<>();
    if (flow.isEmpty()) {
      return texts;
    }
    List<Step> steps =
        flow.get().steps().values().stream()
            .sorted(Comparator.comparingInt((Step s) -> s.pos().line()))
            .toList();
    for (int i = 0; i < steps.size(); i++) {
      int from = steps.get(i).pos().line() - 1;
      int to = i + 1 < steps.size() ? steps.get(i + 1).pos().line() - 1 : lines.size();
      StringBuilder text = new StringBuilder();
      for (int line = Math.max(0, from); line < Math.min(to, lines.size()); line++) {
        text.append(lines.get(line).strip()).append('\n');
      }
      texts.put(steps.get(i).id(), text.toString());
    }
    return texts;
  }
}
