/// One named thing in the database, as `capsim data show NAME` finds it: names are looked up in sample
/// sets first, then prices, then platforms.
public enum CatalogItem: Sendable, Hashable {
  /// A sample set with the text of its source, its platform and, for a per-worker step log, the observed
  /// straggler amplification.
  case sampleSet(SampleSet, source: String, platform: Platform, stragglers: ObservedStragglers?)
  /// A price.
  case price(PriceQuote)
  /// A platform with the names of its sample sets.
  case platform(Platform, sampleSets: [String])
}
