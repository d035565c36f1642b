/// Why a database operation failed (opening, reading or saving), as opposed to a rejected input
/// file (``ImportError``).
public enum StoreError: Error, Equatable, Sendable {
  /// The directory that should hold the database file does not exist.
  case directoryNotFound(path: String, directory: String)
  /// A new database cannot be created because its directory cannot be written (capsim builds it in a
  /// temporary file there and renames it into place).
  case directoryNotWritable(path: String, directory: String)
  /// `--db ''`: an empty path, which SQLite would take for a temporary database.
  case emptyPath
  /// The file is not a capsim database (another application's SQLite file, or not SQLite at all); nothing
  /// was written to it.
  case notCapsimDatabase(path: String, reason: String)
  /// The database (or its directory, where SQLite keeps its journal) cannot be written.
  case readOnly(path: String)
  /// SQLite could not open or migrate the file.
  case cannotOpen(path: String, reason: String)
  /// The file is damaged: SQLite's integrity check (run before every write) or a read found it
  /// malformed; `detail` is SQLite's own description. Nothing was written to it.
  case damaged(path: String, detail: String)
  /// The database has schema migrations this capsim does not know: a newer capsim created or upgraded
  /// it. It is refused unread and unchanged.
  case newerDatabase(path: String, migrations: [String])
  /// No platform, sample set or price has this name; `known` lists the names that do exist.
  case unknownName(kind: String, name: String, known: [String])
  /// A name given to `capsim init` (named by its option, e.g. `--dedicated`) that does not exist or
  /// does not fit its role; `help` suggests names that do.
  case invalidChoice(option: String, message: String, help: String)
  /// No saved simulation run has this id.
  case unknownRun(id: Int64)
  /// A run could not be saved because a value is not storable (NaN or ±∞ where a number is required).
  case invalidRun(reason: String)
  /// The embedded default data set was rejected by the importers (a build problem, not a user one).
  case defaultDataRejected(ImportError)
  /// SQLite reported an error, or a stored value cannot be read back, in the database at `path`.
  case database(path: String, reason: String)
}

// MARK: - Diagnostics

extension StoreError: DiagnosticConvertible, CustomStringConvertible {
  /// The diagnostic shown to the user.
  public var diagnostic: Diagnostic {
    switch self {
    case .directoryNotFound(let path, let directory):
      return Diagnostic(
        location: SourceLocation(file: path), message: "directory '\(directory)' does not exist",
        help:
          "create it first (mkdir -p '\(directory)') or give --db a path in an existing directory")
    case .directoryNotWritable(let path, let directory):
      return Diagnostic(
        location: SourceLocation(file: path),
        message:
          "cannot create the database: directory '\(directory)' is not writable",
        help:
          "capsim builds a new database beside it and renames it into place: make the directory "
          + "writable for this user, or give --db a path in a writable directory")
    case .emptyPath:
      return Diagnostic(
        location: SourceLocation(file: "--db"), message: "the database path is empty",
        help: "give --db a file name, e.g. --db capsim.sqlite, or leave --db out to use the default"
      )
    case .notCapsimDatabase(let path, let reason):
      return Diagnostic(
        location: SourceLocation(file: path),
        message: "not a capsim database: \(reason); it was left unchanged",
        help: "give --db a capsim database, or a new file name to create one")
    case .readOnly(let path):
      return Diagnostic(
        location: SourceLocation(file: path), message: "the database is read-only",
        help:
          "make the file and its directory writable (SQLite writes a journal beside it), or copy it somewhere writable"
      )
    case .cannotOpen(let path, let reason):
      return Diagnostic(
        location: SourceLocation(file: path), message: "cannot open the database: \(reason)",
        help: "check that the file is a capsim SQLite database and that it is readable and writable"
      )
    case .damaged(let path, let detail):
      return Diagnostic(
        location: SourceLocation(file: path),
        message: "the database file is damaged (SQLite: \(detail)); nothing was written to it",
        help:
          "restore it from a backup, or give --db a new file name to start a new database from the "
          + "bundled data")
    case .newerDatabase(let path, let migrations):
      let named = migrations.map { "'\($0)'" }.joined(separator: ", ")
      return Diagnostic(
        location: SourceLocation(file: path),
        message:
          "the database was created or upgraded by a newer capsim: it has schema "
          + "migration\(migrations.count == 1 ? "" : "s") \(named), which this capsim does not know; "
          + "it was left unchanged",
        help:
          "use it with that newer capsim (or a later one), or give --db another file for this capsim"
      )
    case .unknownName(let kind, let name, let known):
      return Diagnostic(
        location: nil, message: "unknown \(kind) '\(name)'",
        help: NameSuggestions.help(for: name, kind: kind, known: known))
    case .invalidChoice(let option, let message, let help):
      return Diagnostic(location: SourceLocation(file: option), message: message, help: help)
    case .unknownRun(let id):
      return Diagnostic(
        location: nil, message: "no saved run has id \(id)",
        help: "run 'capsim runs list' to see the saved runs")
    case .invalidRun(let reason):
      return Diagnostic(
        location: nil, message: "cannot save the run: \(reason)",
        help: "the report was written; rerun with --no-save to skip storing it")
    case .defaultDataRejected(let error):
      return Diagnostic(
        location: error.location,
        message: "the built-in data set is invalid: \(error.diagnostic.message)",
        help: "this is a build problem: regenerate it with scripts/embed-default-data.sh")
    case .database(let path, let reason):
      return Diagnostic(
        location: SourceLocation(file: path), message: "database error: \(reason)",
        help:
          "nothing was changed; check free disk space and the file's permissions, then run again")
    }
  }

  /// The rendered diagnostic.
  public var description: String { diagnostic.description }
}
