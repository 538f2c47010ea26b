package io.tabula.flows.parse;

import io.tabula.flows.model.SourcePos;
import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads YAML that people edit (flow files, tenant files) into SnakeYAML nodes, which keep every
 * value's line and column for the problems reported later. Safe: no Java types are constructed and
 * alias expansion is capped, so a hostile file cannot blow up memory.
 *
 * <pre>{@code
 * Optional<Node> root = SafeYaml.compose(text, problems, "start with 'flow: <name>' and 'steps:'");
 * }</pre>
 */
public final class SafeYaml {

  private SafeYaml() {}

  /**
   * The document's root node, or empty with one problem: a syntax error at its line and column, or
   * an empty file, whose fix is {@code emptyFileFix}.
   */
  public static Optional<Node> compose(String text, Problems problems, String emptyFileFix) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(
          mark == null
              ? new SourcePos(problems.file(), 1, 1)
              : new SourcePos(problems.file(), mark.getLine() + 1, mark.getColumn() + 1),
          "this is not valid YAML: " + e.getProblem(),
          "check the indentation and quoting on this line");
      return Optional.empty();
    }
    if (root == null) {
      problems.add(new SourcePos(problems.file(), 1, 1), "the file is empty", emptyFileFix);
      return Optional.empty();
    }
    return Optional.of(root);
  }
}
