import CapsimCore
import GRDB

extension CapsimDatabase {
  /// The values of the sample set `name` grouped by run id, groups in order of first appearance
  /// (values without a run id are left out). A per-worker step log imported with
  /// `--group-by step` stores each worker's duration with its step as run id, so each group is one
  /// step's workers.
  ///
  /// - Throws: ``StoreError/unknownName(kind:name:known:)`` for an unknown set.
  public func sampleGroups(named name: String) throws(StoreError) -> [[Double]] {
    try read { db in
      guard
        let id = try Int64.fetchOne(
          db, SQLRequest<Int64>("SELECT id FROM sample_set WHERE name = \(name)"))
      else {
        throw StoreError.unknownName(
          kind: "sample set", name: name, known: try Self.names(db, table: "sample_set"))
      }
      let rows = try Row.fetchAll(
        db,
        SQLRequest<Row>(
          """
          SELECT run_id, value_seconds FROM sample
          WHERE sample_set_id = \(id) AND run_id IS NOT NULL ORDER BY rowid
          """))
      var groups: [[Double]] = []
      var indexByRun: [String: Int] = [:]
      for row in rows {
        let run: String = row["run_id"]
        let value: Double = row["value_seconds"]
        if let index = indexByRun[run] {
          groups[index].append(value)
        } else {
          indexByRun[run] = groups.count
          groups.append([value])
        }
      }
      return groups
    }
  }

  /// Observed straggler amplification of the set `name` when its values are per-worker durations
  /// grouped into steps by run id (``ObservedStragglers``); `nil` when they are not.
  public func observedStragglers(named name: String) throws(StoreError) -> ObservedStragglers? {
    ObservedStragglers(steps: try sampleGroups(named: name))
  }
}
