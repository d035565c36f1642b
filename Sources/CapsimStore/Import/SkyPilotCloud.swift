/// Which cloud a SkyPilot catalog describes, read from its path or, failing that, its contents.
///
/// SkyPilot keeps one `vms.csv` per cloud at `catalogs/v<N>/<cloud>/vms.csv` (and the same layout in
/// its daily mirrors). The cloud is taken from that path when the folder is a known SkyPilot cloud,
/// otherwise from the instance-type names, which each cloud spells its own way. A folder that is not
/// a cloud's name (`Downloads/vms.csv`) is never taken for one.
enum SkyPilotCloud {
  /// The clouds with a folder in skypilot-catalog's `catalogs/v7` (and earlier layouts).
  static let known: Set<String> = [
    "aws", "azure", "gcp", "lambda", "runpod", "cudo", "fluidstack", "paperspace", "vast",
    "hyperbolic", "nebius", "ibm", "oci", "scp", "do", "vsphere", "kubernetes", "mithril",
    "primeintellect", "seeweb", "shadeform", "simplepod", "together",
  ]

  /// The cloud named by `path`: the folder after `catalogs/v<N>/`, else the file's own folder when it
  /// is a known cloud; `nil` otherwise.
  static func fromPath(_ path: String) -> String? {
    let parts = path.split(separator: "/").map { $0.lowercased() }
    if let catalogs = parts.lastIndex(of: "catalogs"), catalogs + 2 < parts.count - 1,
      parts[catalogs + 1].hasPrefix("v"), known.contains(parts[catalogs + 2])
    {
      return parts[catalogs + 2]
    }
    guard parts.count >= 2, known.contains(parts[parts.count - 2]) else { return nil }
    return parts[parts.count - 2]
  }

  /// The cloud whose naming every recognisable instance type follows, or `nil` when none is
  /// recognised or they disagree.
  static func fromInstanceTypes<S: Sequence<String>>(_ instanceTypes: S) -> String? {
    var found: Set<String> = []
    for instance in instanceTypes where !instance.isEmpty {
      if let cloud = cloud(ofInstanceType: instance) { found.insert(cloud) }
      if found.count > 1 { return nil }
    }
    return found.first
  }

  /// The cloud an instance-type name belongs to, by each cloud's naming convention.
  static func cloud(ofInstanceType name: String) -> String? {
    if name.hasPrefix("Standard_") || name.hasPrefix("Basic_") { return "azure" }
    if name.hasPrefix("VM.") || name.hasPrefix("BM.") { return "oci" }
    if name.hasPrefix("gpu_"), name.contains("x_") { return "lambda" }
    if name.hasSuffix("_SECURE") || name.hasSuffix("_COMMUNITY") { return "runpod" }
    let dotParts = name.split(separator: ".")
    if dotParts.count == 2,
      dotParts.allSatisfy({ part in
        part.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }
      })
    {
      return "aws"
    }
    // GCP machine types: family-series-size, e.g. a2-highgpu-1g, n1-highmem-8, g2-standard-4.
    let dashParts = name.split(separator: "-")
    if dashParts.count >= 3, let family = dashParts.first, family.count <= 3,
      family.first?.isLetter == true, family.dropFirst().allSatisfy(\.isNumber) || family == "e2",
      name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" })
    {
      return "gcp"
    }
    return nil
  }
}
