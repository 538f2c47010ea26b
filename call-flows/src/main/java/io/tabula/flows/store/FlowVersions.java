package io.tabula.flows.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow store: immutable published versions of every tenant's flows. Two kinds exist: the
 * directory ({@link DirectoryFlowVersions}, one engine or a shared file system) and PostgreSQL
 * (module {@code flow-store}, many engines). Publishers (the console, {@code tabula flows publish})
 * and engines ({@link PublishedFlows}) see only this interface.
 *
 * <pre>{@code
 * FlowVersions store = new DirectoryFlowVersions(new FlowStore(root, compiler));
 * int version = store.publish("city/parking-ticket.yaml", text, new Publication("ana", "new fee"));
 * }</pre>
 */
public interface FlowVersions {

  /**
   * Validates {@code text} and publishes it as the flow's next version, in one step: either the
   * version with its history line exists afterwards or nothing does.
   *
   * @param source the name diagnostics give as the file
   * @return the new version number
   * @throws PublishRejectedException when the flow has problems; nothing is published
   * @throws IOException when the store cannot be reached or written; nothing is published
   */
  int publish(String source, String text, Publication by)
      throws IOException, PublishRejectedException;

  /** Every flow with at least one published version, by tenant then flow. */
  List<FlowKey> flows() throws IOException;

  /** The published versions of {@code flow}, newest first; empty when there is none. */
  List<VersionRecord> history(FlowKey flow) throws IOException;

  /** The text of one version, empty when it does not exist. */
  Optional<VersionText> read(FlowKey flow, int version) throws IOException;

  /** The newest version number of every flow (what engines compare with what they serve). */
  Map<FlowKey, Integer> newest() throws IOException;

  /** Where the store is, for log lines: a folder, or {@code postgres://host:port/db}. */
  String describe();
}
