import ArgumentParser
import CapsimCore
import Foundation

/// Writes diagnostics to standard error and maps failures to exit codes.
enum Diagnostics {
  /// Prints an informational line to standard error (data stays alone on standard output).
  static func note(_ message: String) {
    FileHandle.standardError.write(Data("capsim: \(message)\n".utf8))
  }

  /// Prints `text` to standard error.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Runs `body`; an input error (scenario, import, store) is printed as its diagnostic and turned into
  /// exit code 64 (`EX_USAGE`/validation failure); other errors propagate (exit code 1).
  static func reportingInputErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as ScenarioError {
      Diagnostics.error(error.description)
      throw ExitCode.validationFailure
    } catch let error as any DiagnosticConvertible {
      Diagnostics.error(error.diagnostic.description)
      throw ExitCode.validationFailure
    }
  }
}
