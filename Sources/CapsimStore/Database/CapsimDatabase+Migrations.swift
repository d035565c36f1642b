import GRDB

extension CapsimDatabase {
  /// The schema migrations, in order. Shipped migrations are frozen: change the schema only by
  /// appending a new named migration.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-initial") { db in
      try createCatalogTables(db)
      try createRunTables(db)
    }
    migrator.registerMigration("v2-distribution-fits") { db in
      try createDistributionFitTable(db)
    }
    migrator.registerMigration("v3-application-id") { db in
      // Marks the file as capsim's, so that opening checks it before writing anything.
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }
    migrator.registerMigration("v4-run-overrides") { db in
      try addRunOverrideColumns(db)
    }
    return migrator
  }

  /// `platform`, `sample_set`, `sample` and `price`.
  private static func createCatalogTables(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE platform (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
          kind TEXT NOT NULL CHECK (kind IN ('shared', 'dedicated')),
          gpu_model TEXT NOT NULL,
          provider TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE sample_set (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
          platform_id INTEGER NOT NULL REFERENCES platform(id),
          metric TEXT NOT NULL CHECK (length(metric) > 0 AND metric NOT GLOB '*[^a-z_]*'),
          unit TEXT NOT NULL,
          source TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          imported_at TEXT NOT NULL
        );
        CREATE INDEX sample_set_on_platform ON sample_set(platform_id);
        CREATE TABLE sample (
          sample_set_id INTEGER NOT NULL REFERENCES sample_set(id) ON DELETE CASCADE,
          value_seconds REAL NOT NULL
            CHECK (value_seconds >= 0 AND value_seconds <= 1.7976931348623157e308),
          gpu_count INTEGER CHECK (gpu_count IS NULL OR gpu_count >= 0),
          recorded_at TEXT,
          run_id TEXT
        );
        CREATE INDEX sample_on_sample_set ON sample(sample_set_id);
        CREATE TABLE price (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
          provider TEXT NOT NULL,
          gpu_model TEXT NOT NULL,
          pricing_model TEXT NOT NULL CHECK (pricing_model IN ('on_demand', 'spot', 'reserved', 'bare_metal')),
          amount REAL NOT NULL CHECK (amount >= 0 AND amount <= 1.7976931348623157e308),
          unit TEXT NOT NULL CHECK (unit IN ('gpu_hour', 'instance_hour', 'node_month')),
          gpus_per_unit REAL NOT NULL CHECK (gpus_per_unit > 0 AND gpus_per_unit <= 1.7976931348623157e308),
          minimum_term_months INTEGER NOT NULL DEFAULT 0 CHECK (minimum_term_months >= 0),
          setup_fee REAL NOT NULL DEFAULT 0 CHECK (setup_fee >= 0 AND setup_fee <= 1.7976931348623157e308),
          currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
          effective_date TEXT NOT NULL
            CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
          source TEXT NOT NULL CHECK (length(source) > 0),
          region TEXT NOT NULL DEFAULT ''
        );
        """)
  }

  /// `simulation_run` and `simulation_result`.
  private static func createRunTables(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE simulation_run (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          created_at TEXT NOT NULL,
          scenario_name TEXT NOT NULL,
          scenario_text TEXT NOT NULL,
          seed INTEGER NOT NULL,
          trials INTEGER NOT NULL CHECK (trials >= 0),
          capsim_version TEXT NOT NULL,
          result_json TEXT NOT NULL
        );
        CREATE TABLE simulation_result (
          run_id INTEGER NOT NULL REFERENCES simulation_run(id) ON DELETE CASCADE,
          option_name TEXT NOT NULL,
          metric_key TEXT NOT NULL,
          label TEXT NOT NULL,
          unit TEXT NOT NULL,
          value REAL NOT NULL,
          standard_error REAL,
          ci_lower REAL,
          ci_upper REAL
        );
        CREATE INDEX simulation_result_on_run ON simulation_result(run_id);
        """)
  }

  /// `distribution_fit`: the one chosen fitted distribution per sample set (migration
  /// "v2-distribution-fits"). Replacing or deleting a sample set deletes its fit.
  private static func createDistributionFitTable(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE distribution_fit (
          id INTEGER PRIMARY KEY,
          sample_set_id INTEGER NOT NULL UNIQUE REFERENCES sample_set(id) ON DELETE CASCADE,
          family TEXT NOT NULL CHECK (length(family) > 0),
          parameters_json TEXT NOT NULL,
          sample_size INTEGER NOT NULL CHECK (sample_size > 0),
          log_likelihood REAL NOT NULL,
          aic REAL NOT NULL,
          bic REAL NOT NULL,
          ks_statistic REAL NOT NULL CHECK (ks_statistic >= 0 AND ks_statistic <= 1),
          ks_p_value REAL NOT NULL CHECK (ks_p_value >= 0 AND ks_p_value <= 1),
          ad_statistic REAL,
          chosen_at TEXT NOT NULL
        );
        """)
  }

  /// `simulation_run.overrides_json` (the `--set` overrides as a JSON list of `{"path", "value"}`) and
  /// `simulation_run.command` (`run` or `recommend`), migration "v4-run-overrides". Earlier runs had
  /// no overrides and were all made by `capsim run`.
  private static func addRunOverrideColumns(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE simulation_run ADD COLUMN overrides_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE simulation_run ADD COLUMN command TEXT NOT NULL DEFAULT 'run'
          CHECK (length(command) > 0);
        """)
  }
}
