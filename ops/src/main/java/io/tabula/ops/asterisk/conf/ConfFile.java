package io.tabula.ops.asterisk.conf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One configuration as an Asterisk module loads it, such as {@code manager.conf} with everything it
 * includes.
 *
 * @param name the file name asked for
 * @param allSections every section in order, templates included
 * @param files every file read, the named one first, then included ones in the order read
 * @param problems what Asterisk's parser would complain about
 */
public record ConfFile(
    String name, List<ConfSection> allSections, List<Path> files, List<ConfProblem> problems) {

  /** The sections a module sees: templates are hidden from it. */
  public List<ConfSection> sections() {
    return allSections.stream().filter(section -> !section.template()).toList();
  }

  /** Every non-template section of that name (case-insensitive), in order. */
  public List<ConfSection> sections(String sectionName) {
    return sections().stream().filter(s -> s.name().equalsIgnoreCase(sectionName)).toList();
  }

  /** The first non-template section of that name. */
  public Optional<ConfSection> section(String sectionName) {
    return sections(sectionName).stream().findFirst();
  }

  /** Whether Asterisk would reject this file as a whole. */
  public boolean rejected() {
    return problems.stream().anyMatch(ConfProblem::rejectsFile);
  }
}
