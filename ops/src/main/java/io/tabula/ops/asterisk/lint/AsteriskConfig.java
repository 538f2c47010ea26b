package io.tabula.ops.asterisk.lint;

import io.tabula.ops.asterisk.conf.ConfFile;
import io.tabula.ops.asterisk.conf.ConfReader;
import io.tabula.ops.asterisk.dialplan.Dialplan;
import io.tabula.ops.asterisk.manager.ManagerSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An Asterisk configuration folder, each file read once on first use by any rule, with the views
 * several rules share (the dialplan, the manager users).
 */
public final class AsteriskConfig {

  private final Path dir;
  private final ConfReader reader;
  private final Map<String, Optional<ConfFile>> files = new HashMap<>();
  private final Set<Path> read = new LinkedHashSet<>();

  public AsteriskConfig(Path dir) {
    this.dir = dir;
    this.reader = new ConfReader(dir);
  }

  public Path dir() {
    return dir;
  }

  /** {@code name} as Asterisk would load it; empty when the file does not exist. */
  public Optional<ConfFile> file(String name) throws IOException {
    Optional<ConfFile> cached = files.get(name);
    if (cached != null) {
      return cached;
    }
    Optional<ConfFile> loaded = reader.read(name);
    loaded.ifPresent(conf -> read.addAll(conf.files()));
    files.put(name, loaded);
    return loaded;
  }

  /** The dialplan of extensions.conf; empty when there is none. */
  public Optional<Dialplan> dialplan() throws IOException {
    return file("extensions.conf").map(Dialplan::of);
  }

  /** The manager users of manager.conf and users.conf; empty without manager.conf. */
  public Optional<ManagerSetup> manager() throws IOException {
    Optional<ConfFile> manager = file("manager.conf");
    if (manager.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ManagerSetup.of(manager.get(), file("users.conf")));
  }

  /** Every file read so far, includes too. */
  public Set<Path> filesRead() {
    return Set.copyOf(read);
  }

  /** Every configuration loaded so far. */
  public Map<String, ConfFile> loaded() {
    Map<String, ConfFile> loaded = new java.util.TreeMap<>();
    files.forEach((name, file) -> file.ifPresent(f -> loaded.put(name, f)));
    return loaded;
  }
}
