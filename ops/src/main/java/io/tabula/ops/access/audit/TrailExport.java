package io.tabula.ops.access.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HexFormat;

/**
 * Writes the trail as JSON lines for a SIEM: one object per record with its hashes, so the SIEM
 * side can check the chain too. Fields: seq, at (ISO-8601 UTC), actor, action, tenant, target,
 * source, outcome, detail, prev_hash, hash (hex).
 */
public final class TrailExport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrailExport() {}

  /** Writes every record, or only {@code tenant}'s when it is not null; returns the count. */
  public static long write(TrailReader reader, String tenant, Writer out) {
    long[] count = {0};
    java.util.function.Consumer<AuditRecord> line =
        record -> {
          try {
            out.write(JSON.writeValueAsString(json(record)));
            out.write('\n');
            count[0]++;
          } catch (IOException e) {
            throw new UncheckedIOException("could not write the export; check the output path", e);
          }
        };
    if (tenant == null) {
      reader.forEach(line);
    } else {
      reader.forEachOfTenants(java.util.List.of(tenant), line);
    }
    return count[0];
  }

  /** Writes the records an auditor's {@code filter} selects, oldest first; returns the count. */
  public static long write(TrailSearch search, TrailSearch.Filter filter, Writer out) {
    long[] count = {0};
    search.forEach(
        filter,
        record -> {
          try {
            out.write(JSON.writeValueAsString(json(record)));
            out.write('\n');
            count[0]++;
          } catch (IOException e) {
            throw new UncheckedIOException("could not write the export; check the output path", e);
          }
        });
    return count[0];
  }

  static ObjectNode json(AuditRecord record) {
    AuditEvent event = record.event();
    ObjectNode node = JSON.createObjectNode();
    node.put("seq", record.seq());
    node.put("at", record.at().toString());
    node.put("actor", event.actor());
    node.put("action", event.action().code());
    node.put("tenant", event.tenant());
    node.put("target", event.target());
    node.put("source", event.source());
    node.put("outcome", event.outcome().name().toLowerCase(java.util.Locale.ROOT));
    node.put("detail", event.detail());
    node.put("prev_hash", HexFormat.of().formatHex(record.previousHash()));
    node.put("hash", HexFormat.of().formatHex(record.hash()));
    return node;
  }
}
