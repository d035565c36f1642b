import Foundation

/// The desktop programs the render tests drive (LibreOffice for workbooks, Chromium for HTML), found on
/// PATH. Tests that need one are skipped with a stated reason when it is absent; CI installs both
/// (scripts/install-deps.sh).
public enum ExternalTools {
  /// The first executable named `name` on PATH.
  public static func find(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// LibreOffice (`soffice` from libreoffice-calc-nogui), if installed.
  public static var libreOffice: URL? { find("soffice") ?? find("libreoffice") }

  /// Chromium, if installed.
  public static var chromium: URL? { find("chromium") ?? find("chromium-browser") }

  /// The text of every part of the zip archive `file` (a workbook, an OpenDocument file) whose path matches
  /// `pattern` (an `unzip` wildcard such as `xl/charts/chart*.xml`), concatenated.
  public static func zipPart(_ file: URL, _ pattern: String) throws -> String {
    guard let unzip = find("unzip") else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "unzip (not on PATH)"])
    }
    return try run(unzip, ["-p", file.path, pattern]).output
  }

  /// Runs `executable arguments…` and returns its exit status, standard output and standard error.
  public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws
    -> (status: Int32, output: String, error: String)
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var outputData = Data()
    group.enter()
    DispatchQueue.global().async {
      outputData = CapsimExecutable.readToEnd(output.fileHandleForReading.fileDescriptor)
      group.leave()
    }
    let errorData = CapsimExecutable.readToEnd(error.fileHandleForReading.fileDescriptor)
    group.wait()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self),
      String(decoding: errorData, as: UTF8.self)
    )
  }

  /// Converts `file` with headless LibreOffice to `filter` (for example `ods`, or the CSV filter that
  /// writes every sheet) in `directory`, with a throw-away user profile. Returns the files written.
  public static func convert(_ file: URL, to filter: String, in directory: URL) throws -> [URL] {
    guard let office = libreOffice else { return [] }
    let profile = directory.appendingPathComponent("lo-profile-\(UUID().uuidString)")
    let result = try run(
      office,
      [
        "--headless", "-env:UserInstallation=file://\(profile.path)", "--convert-to", filter,
        "--outdir", directory.path, file.path,
      ])
    guard result.status == 0 else {
      throw NSError(
        domain: "LibreOffice", code: Int(result.status),
        userInfo: [NSLocalizedDescriptionKey: result.error])
    }
    return try FileManager.default.contentsOfDirectory(
      at: directory, includingPropertiesForKeys: nil)
  }

  /// Every CSV export filter option LibreOffice needs to write all sheets as raw values (UTF-8, comma,
  /// double quote, values not as shown, every sheet: `-1`).
  public static let csvAllSheets =
    "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1"
}
