extension ParametricDistribution {
  private enum CodingKeys: String, CodingKey { case family, parameters, shift }

  /// Decodes `{"family": …, "parameters": {…}, "shift": s}` (shift optional, default 0) through
  /// the validating initialiser, so a stored distribution with a bad parameter fails to decode.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let name = try container.decode(String.self, forKey: .family)
    try self.init(
      family: DistributionFamily.named(name),
      parameters: container.decode([String: Double].self, forKey: .parameters),
      shift: container.decodeIfPresent(Double.self, forKey: .shift) ?? 0)
  }

  /// Encodes family, canonical parameters and shift.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(family, forKey: .family)
    try container.encode(parameters, forKey: .parameters)
    try container.encode(shift, forKey: .shift)
  }
}
