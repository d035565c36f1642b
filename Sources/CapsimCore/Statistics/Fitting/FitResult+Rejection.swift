extension FitResult {
  /// The Kolmogorov–Smirnov p-value below which a fit is called rejected by its own data: 10⁻⁴, far below
  /// any conventional level, so that a warning means the family is plainly wrong (not merely imperfect on a
  /// large sample, where every family is "significant").
  public static let rejectionPValue = 1e-4

  /// Whether the fit's own KS test rejects it (p < ``rejectionPValue``; the p-value is approximate for
  /// parameters estimated from the same data, and conservative, so a rejection stands).
  public var isRejectedByKolmogorovSmirnov: Bool {
    kolmogorovSmirnovPValue < Self.rejectionPValue
  }
}
