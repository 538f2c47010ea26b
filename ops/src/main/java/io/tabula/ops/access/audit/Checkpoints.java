package io.tabula.ops.access.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@code audit_checkpoints}. */
final class Checkpoints {

  private Checkpoints() {}

  static void insert(Connection connection, Checkpoint checkpoint) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_checkpoints (seq, head_hash, signed_at, key_id, signature)"
                + " values (?,?,?,?,?)")) {
      insert.setLong(1, checkpoint.seq());
      insert.setBytes(2, checkpoint.headHash());
      insert.setTimestamp(3, Timestamp.from(checkpoint.signedAt()));
      insert.setString(4, checkpoint.keyId());
      insert.setBytes(5, checkpoint.signature());
      insert.executeUpdate();
    }
  }

  static List<Checkpoint> all(Connection connection) throws SQLException {
    List<Checkpoint> all = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "select seq, head_hash, signed_at, key_id, signature from audit_checkpoints"
                    + " order by seq");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        all.add(
            new Checkpoint(
                row.getLong(1),
                row.getBytes(2),
                row.getTimestamp(3).toInstant(),
                row.getString(4),
                row.getBytes(5)));
      }
    }
    return all;
  }
}
