package io.tabula.engine.tenant.config;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.parse.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads a tenants folder: every {@code *.yaml} / {@code *.yml} file in it (not in sub-folders,
 * hidden files skipped) is one tenant. Every problem of every file is collected and reported at
 * once, like a compiler; then tenant ids and connector names are checked across files.
 *
 * <pre>{@code
 * TenantsConfig config = TenantFiles.load(Path.of("/etc/tabula/tenants"),
 *     FileChecks.full(System.getenv())); // throws TenantsConfigException listing every problem
 * }</pre>
 */
public final class TenantFiles {

  private TenantFiles() {}

  /**
   * @throws TenantsConfigException with every problem found, when there is any
   */
  public static TenantsConfig load(Path folder, FileChecks checks) {
    List<Path> files = files(folder);
    List<Diagnostic> problems = new ArrayList<>();
    List<TenantFile> tenants = new ArrayList<>();
    List<TenantFileParser.Declared> declared = new ArrayList<>();
    for (Path file : files) {
      Problems fileProblems = new Problems(file.toString());
      read(file, fileProblems, checks, declared).ifPresent(tenants::add);
      problems.addAll(fileProblems.sorted());
    }
    problems.addAll(duplicates(declared));
    if (!problems.isEmpty()) {
      throw new TenantsConfigException(problems);
    }
    return new TenantsConfig(folder, tenants, checks.enabled());
  }

  /** The tenant files of a folder, sorted by name. */
  static List<Path> files(Path folder) {
    SourcePos where = new SourcePos(folder.toString(), 1, 1);
    if (!Files.isDirectory(folder)) {
      throw new TenantsConfigException(
          List.of(
              new Diagnostic(
                  where,
                  "the tenants folder does not exist or is not a folder",
                  "create it with one <tenant>.yaml per tenant, or fix tenants.dir")));
    }
    try (Stream<Path> list = Files.list(folder)) {
      List<Path> files =
          list.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new TenantsConfigException(
            List.of(
                new Diagnostic(
                    where,
                    "the tenants folder holds no *.yaml or *.yml file",
                    "add one file per tenant (see examples/tenants/), or unset tenants.dir")));
      }
      return files;
    } catch (IOException e) {
      throw new TenantsConfigException(
          List.of(
              new Diagnostic(
                  where,
                  "cannot list the tenants folder (" + e.getClass().getSimpleName() + ")",
                  "check that the engine's user may read it")));
    }
  }

  private static Optional<TenantFile> read(
      Path file, Problems problems, FileChecks checks, List<TenantFileParser.Declared> declared) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(
          new SourcePos(file.toString(), 1, 1),
          "cannot read the file (" + e.getClass().getSimpleName() + ")",
          "check that the engine's user may read it and that it is UTF-8 text");
      return Optional.empty();
    }
    Optional<TenantFile> tenant = TenantFileParser.parse(file, text, problems, checks, declared);
    return problems.isEmpty() ? tenant : Optional.empty();
  }

  /** A tenant id once, a connector name once, across all files. */
  private static List<Diagnostic> duplicates(List<TenantFileParser.Declared> declared) {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, SourcePos> first = new LinkedHashMap<>();
    for (TenantFileParser.Declared name : declared) {
      SourcePos earlier = first.putIfAbsent(name.kind() + ":" + name.name(), name.pos());
      if (earlier == null) {
        continue;
      }
      problems.add(
          name.kind().equals("tenant")
              ? new Diagnostic(
                  name.pos(),
                  "tenant '" + name.name() + "' is already defined at " + earlier,
                  "keep one file per tenant: merge the two or rename one")
              : new Diagnostic(
                  name.pos(),
                  "connector name '" + name.name() + "' is already used at " + earlier,
                  "give each connector its own name; flows name exactly one tenant's connector"));
    }
    return problems;
  }
}
