import Foundation
import GRDB

extension CapsimDatabase {
  // MARK: - Saving

  /// Saves `result` as the chosen fitted distribution of the sample set called `name`, replacing any
  /// fit saved for it before, in one transaction.
  ///
  /// The distribution is stored as its ``ParametricDistribution`` JSON
  /// (`{"family": …, "parameters": {…}, "shift": 0}`) with the fit's measures. An Anderson–Darling
  /// statistic of +∞ (the fitted cdf is 0 or 1 at a sample value) is stored as NULL and read back
  /// as +∞. Replacing or deleting the sample set deletes its saved fit (the fit would no longer
  /// describe the values).
  ///
  /// - Throws: ``StoreError/unknownName(kind:name:known:)`` with did-you-mean suggestions when no
  ///   sample set has that name; ``StoreError/database(path:reason:)`` when a measure other than A² is
  ///   NaN or ±∞ (a fit made by ``DistributionFitting`` never is), or for database faults.
  /// - Complexity: O(1) statements.
  public func saveFit(_ result: FitResult, forSampleSet name: String) throws(StoreError) {
    let measures: [(String, Double)] = [
      ("log-likelihood", result.logLikelihood), ("AIC", result.aic), ("BIC", result.bic),
      ("KS statistic", result.kolmogorovSmirnovStatistic),
      ("KS p-value", result.kolmogorovSmirnovPValue),
    ]
    if let (label, value) = measures.first(where: { !$0.1.isFinite }) {
      throw StoreError.database(
        path: path,
        reason:
          "cannot save the \(result.family.rawValue) fit of '\(name)': its \(label) is \(value)")
    }
    let parametersJSON: String
    do {
      parametersJSON = try Self.encodeDistribution(result.distribution)
    } catch {
      throw storeError(error)
    }
    let andersonDarling: Double? =
      result.andersonDarlingStatistic.isFinite ? result.andersonDarlingStatistic : nil
    let chosenAt = ISO8601DateFormatter().string(from: Date())
    do {
      try write { db in
        let id = try Self.sampleSetID(db, named: name)
        try db.execute(
          literal: """
            INSERT INTO distribution_fit (sample_set_id, family, parameters_json, sample_size,
              log_likelihood, aic, bic, ks_statistic, ks_p_value, ad_statistic, chosen_at)
            VALUES (\(id), \(result.family.rawValue), \(parametersJSON), \(result.sampleSize),
              \(result.logLikelihood), \(result.aic), \(result.bic), \(result.kolmogorovSmirnovStatistic),
              \(result.kolmogorovSmirnovPValue), \(andersonDarling), \(chosenAt))
            ON CONFLICT (sample_set_id) DO UPDATE SET
              family = excluded.family, parameters_json = excluded.parameters_json,
              sample_size = excluded.sample_size, log_likelihood = excluded.log_likelihood,
              aic = excluded.aic, bic = excluded.bic, ks_statistic = excluded.ks_statistic,
              ks_p_value = excluded.ks_p_value, ad_statistic = excluded.ad_statistic,
              chosen_at = excluded.chosen_at
            """)
      }
    } catch {
      throw storeError(error)
    }
  }

  // MARK: - Reading

  /// The fit saved for the sample set called `name`, or `nil` if none has been saved (or the set was
  /// replaced since).
  ///
  /// - Throws: ``StoreError/unknownName(kind:name:known:)`` with did-you-mean suggestions when no
  ///   sample set has that name; ``StoreError/database(path:reason:)`` when the stored distribution does
  ///   not decode (for example a parameter out of range) or disagrees with the stored family.
  /// - Complexity: O(1) statements.
  public func savedFit(forSampleSet name: String) throws(StoreError) -> FitResult? {
    try read { db in
      let id = try Self.sampleSetID(db, named: name)
      let request = SQLRequest<Row>("SELECT * FROM distribution_fit WHERE sample_set_id = \(id)")
      return try Row.fetchOne(db, request).map { row in try Self.fitResult(from: row, set: name) }
    }
  }

  /// The names of the sample sets that have a saved fit, with the family of each, sorted by name.
  public func savedFitFamilies() throws(StoreError) -> [(sampleSet: String, family: String)] {
    try read { db in
      let request = SQLRequest<Row>(
        """
        SELECT s.name, f.family FROM distribution_fit f JOIN sample_set s ON s.id = f.sample_set_id
        ORDER BY s.name
        """)
      return try Row.fetchAll(db, request).map { (sampleSet: $0["name"], family: $0["family"]) }
    }
  }

  // MARK: - Rows

  /// The id of the sample set called `name`.
  ///
  /// - Throws: ``StoreError/unknownName(kind:name:known:)``.
  static func sampleSetID(_ db: Database, named name: String) throws -> Int64 {
    let request = SQLRequest<Int64>("SELECT id FROM sample_set WHERE name = \(name)")
    guard let id = try Int64.fetchOne(db, request) else {
      throw StoreError.unknownName(
        kind: "sample set", name: name, known: try names(db, table: "sample_set"))
    }
    return id
  }

  /// `distribution` as sorted-key JSON.
  static func encodeDistribution(_ distribution: ParametricDistribution)
    throws(StoredDataProblem)
    -> String
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      return String(decoding: try encoder.encode(distribution), as: UTF8.self)
    } catch {
      throw StoredDataProblem(reason: "cannot encode the distribution: \(error)")
    }
  }

  /// A ``FitResult`` from a `distribution_fit` row.
  static func fitResult(from row: Row, set name: String) throws -> FitResult {
    let familyText: String = row["family"]
    let json: String = row["parameters_json"]
    let distribution: ParametricDistribution
    do {
      distribution = try JSONDecoder().decode(ParametricDistribution.self, from: Data(json.utf8))
    } catch {
      throw StoredDataProblem(
        reason: "the saved fit of '\(name)' does not decode (\(error)): \(json)")
    }
    guard distribution.family.rawValue == familyText else {
      throw StoredDataProblem(
        reason: "the saved fit of '\(name)' is '\(familyText)' but its parameters are "
          + "\(distribution.family.rawValue)")
    }
    let andersonDarling: Double? = row["ad_statistic"]
    return FitResult(
      family: distribution.family, distribution: distribution, sampleSize: row["sample_size"],
      logLikelihood: row["log_likelihood"], aic: row["aic"], bic: row["bic"],
      kolmogorovSmirnovStatistic: row["ks_statistic"],
      kolmogorovSmirnovPValue: row["ks_p_value"],
      andersonDarlingStatistic: andersonDarling ?? .infinity)
  }
}
