package io.tabula.engine.tenant.config;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret files, certificates and environment variables that tenant files name but that do not
 * exist on this machine. {@code tabula tenants check --offline} checks files written for another
 * machine (the engine's), so it lists them as what to create there instead of failing; {@code
 * tabula serve} never uses this and refuses to start without them.
 *
 * <pre>{@code
 * SecretsToCreate missing = new SecretsToCreate();
 * TenantFiles.load(dir, FileChecks.offline(System.getenv(), missing));
 * missing.lines().forEach(System.out::println);
 * }</pre>
 */
public final class SecretsToCreate {

  /** One missing item; {@code key} is its place in the file, such as {@code payment.apiKey}. */
  private record Item(String key, Diagnostic line) {}

  private final List<Item> items = new ArrayList<>();

  synchronized void add(SourcePos pos, String key, String what, String how) {
    items.add(new Item(key, new Diagnostic(pos, what + " (" + key + ")", how)));
  }

  /**
   * Whether the payment section of {@code tenantFile} names something to create: then its gateway
   * cannot be opened to check its settings here.
   */
  public synchronized boolean inPaymentSection(Path tenantFile) {
    return items.stream()
        .anyMatch(
            item ->
                item.line().pos().file().equals(tenantFile.toString())
                    && item.key().startsWith("payment."));
  }

  /** One line per missing item: {@code file:line:col: to create: what; how}. */
  public synchronized List<String> lines() {
    return items.stream()
        .map(Item::line)
        .map(d -> d.pos() + ": to create: " + d.message() + "; " + d.fix())
        .toList();
  }
}
