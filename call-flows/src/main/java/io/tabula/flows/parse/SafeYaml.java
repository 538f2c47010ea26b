package io.tabula.flows.parse;

import io.tabula.flows.model.SourcePos;
import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

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
    } catch (ReaderException e) {
      problems.add(
          position(problems.file(), text, e.getPosition()),
          "this is not valid YAML: it holds a character YAML does not allow (code point "
              + e.getCodePoint()
              + ")",
          "remove the control character or save the file as UTF-8 text");
      return Optional.empty();
    } catch (YAMLException e) {
      // The loader's own limits (aliases to collections, nesting depth) carry no position.
      problems.add(
          new SourcePos(problems.file(), 1, 1),
          "this YAML is refused: " + e.getMessage(),
          "write the values out instead of nesting them so deeply or through so many aliases");
      return Optional.empty();
    }
    if (root == null) {
      problems.add(new SourcePos(problems.file(), 1, 1), "the file is empty", emptyFileFix);
      return Optional.empty();
    }
    return Optional.of(root);
  }

  /** Line and column (from 1) of the character at {@code index}. */
  private static SourcePos position(String file, String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(index, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourcePos(file, line, Math.max(1, index - lineStart + 1));
  }
}
