/// The version stored with every run and printed by `capsim --version`.
enum CapsimVersion {
  static let current = "0.1.0"
}
