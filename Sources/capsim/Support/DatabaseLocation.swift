import ArgumentParser
import CapsimStore
import Foundation

/// `--db PATH`, shared by every command that reads or writes the database.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "SQLite database file (default: $CAPSIM_DB, else \(DatabaseLocation.defaultPathDescription)); a new or empty file starts with the bundled data.",
      valueName: "path"))
  var path: String?

  /// Opens the chosen database, creating the default one from the bundled data set if needed.
  func open() throws -> CapsimDatabase {
    try DatabaseLocation.open(explicitPath: path)
  }
}

/// Where the database lives when the user does not say.
enum DatabaseLocation {
  static let defaultPathDescription =
    "$XDG_DATA_HOME/capsim/capsim.sqlite (~/.local/share/capsim/capsim.sqlite)"

  /// `--db`, then `CAPSIM_DB`, then the default path. A database file that does not exist yet, or is
  /// empty, is created from the bundled default data set (the default path's directory is created too).
  static func open(explicitPath: String?) throws -> CapsimDatabase {
    let environment = ProcessInfo.processInfo.environment
    let chosen = explicitPath ?? environment["CAPSIM_DB"].flatMap { $0.isEmpty ? nil : $0 }
    let path = chosen ?? defaultPath(environment: environment)
    if chosen == nil {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    }
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
