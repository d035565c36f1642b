import CapsimCore

extension CapsimDatabase {
  /// The sample set, price or platform called `name`, in that order of precedence.
  ///
  /// A sample set `NAME` that has a per-worker companion `NAME-per-worker` (imported with `--group-by`)
  /// carries the observed straggler amplification of the pair.
  ///
  /// - Throws: ``StoreError/unknownName(kind:name:known:)`` with every known name, for suggestions.
  public func item(named name: String) throws(StoreError) -> CatalogItem {
    let setNames = try sampleSetNames()
    if setNames.contains(name) {
      let set = try sampleSet(named: name)
      let source = try sampleSets().first { $0.name == name }?.source ?? ""
      let workers = name + "-per-worker"
      let grouped = setNames.contains(workers) ? try observedStragglers(named: workers) : nil
      return .sampleSet(
        set, source: source, platform: try platform(named: set.platform),
        stragglers: try observedStragglers(named: name) ?? grouped)
    }
    let allPrices = try prices()
    if let price = allPrices.first(where: { $0.name == name }) { return .price(price) }
    let allPlatforms = try platforms()
    if let platform = allPlatforms.first(where: { $0.name == name }) {
      return .platform(
        platform, sampleSets: try sampleSets().filter { $0.platform == name }.map(\.name))
    }
    throw StoreError.unknownName(
      kind: "sample set, price or platform", name: name,
      known: setNames + allPrices.map(\.name) + allPlatforms.map(\.name))
  }
}
