package io.tabula.ops.asterisk.conf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A {@code [name]} section with its entries in the order Asterisk keeps them: inherited entries
 * first (in the order the templates were named), then the section's own. A template ({@code
 * [name](!)}) is kept so that others can inherit from it, but modules never see it.
 */
public final class ConfSection {

  private final String name;
  private final boolean template;
  private final ConfLocation where;
  private final List<ConfEntry> entries = new ArrayList<>();

  ConfSection(String name, boolean template, ConfLocation where) {
    this.name = name;
    this.template = template;
    this.where = where;
  }

  public String name() {
    return name;
  }

  /** Whether this is a template ({@code (!)}): inherited from, never used by Asterisk itself. */
  public boolean template() {
    return template;
  }

  /** The header line. */
  public ConfLocation where() {
    return where;
  }

  public List<ConfEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** Every entry named {@code name} (case-insensitive), in order. */
  public List<ConfEntry> all(String name) {
    return entries.stream().filter(entry -> entry.is(name)).toList();
  }

  /** The last entry named {@code name}: what a module that reads one value per name ends with. */
  public Optional<ConfEntry> last(String name) {
    List<ConfEntry> found = all(name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getLast());
  }

  /** The first entry named {@code name}: what {@code ast_variable_retrieve} returns. */
  public Optional<ConfEntry> first(String name) {
    return entries.stream().filter(entry -> entry.is(name)).findFirst();
  }

  void add(ConfEntry entry) {
    entries.add(entry);
  }

  /** {@code name += more}: appends to the last entry of exactly that name; false if none. */
  boolean append(String entryName, String more) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      ConfEntry entry = entries.get(i);
      if (entry.name().equals(entryName)) {
        String joined = (entry.value() + more).strip();
        entries.set(i, entry.withValue(joined));
        return true;
      }
    }
    return false;
  }

  void inheritFrom(ConfSection base) {
    base.entries.forEach(entry -> entries.add(entry.inheritedCopy()));
  }

  void moveEntriesFrom(ConfSection other) {
    entries.addAll(other.entries);
  }
}
