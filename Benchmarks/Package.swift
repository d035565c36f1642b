// swift-tools-version:6.1
import PackageDescription

/// capsim's benchmarks, kept in their own package so the root package's build and tests never compile
/// the benchmark harness and its dependencies. Run from the repository root with
/// `swift package --package-path Benchmarks benchmark` (see README.md).
let package = Package(
  name: "capsim-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "capsim", path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "RandomDraws",
      dependencies: [
        .product(name: "CapsimCore", package: "capsim"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "RandomDraws",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "Fitting",
      dependencies: [
        .product(name: "CapsimCore", package: "capsim"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Fitting",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
