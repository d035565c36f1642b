import ArgumentParser
import CapsimStore
import Foundation

/// `--db PATH`, shared by every command that reads or writes the database.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "SQLite database file (default: $CAPSIM_DB, else \(DatabaseLocation.defaultPathDescription)).",
      valueName: "path"))
  var path: String?

  /// Opens the chosen database, creating the default one from the bundled data set if needed.
  func open() throws -> CapsimDatabase {
    try DatabaseLocation.open(explicitPath: path)
  }
}

/// Where the database lives when the user does not say.
enum DatabaseLocation {
  static let defaultPathDescription = "$XDG_DATA_HOME/capsim/capsim.sqlite (~/.local/share/capsim/capsim.sqlite)"

  /// `--db`, then `CAPSIM_DB`, then the default path. Only the default path is created from the
  /// bundled data set; an explicit path is created empty (and migrated) if it does not exist.
  static func open(explicitPath: String?) throws -> CapsimDatabase {
    let environment = ProcessInfo.processInfo.environment
    if let path = explicitPath ?? environment["CAPSIM_DB"].flatMap({ $0.isEmpty ? nil : $0 }) {
      return try CapsimDatabase(path: path)
    }
    let path = defaultPath(environment: environment)
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let (database, created) = try CapsimDatabase.openDefault(path: path)
    if created {
      Diagnostics.note("created \(path) from the bundled default data set")
    }
    return database
  }

  static func defaultPath(environment: [String: String]) -> String {
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
      return xdg + "/capsim/capsim.sqlite"
    }
    let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
    return home + "/.local/share/capsim/capsim.sqlite"
  }
}
