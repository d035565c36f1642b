// swift-tools-version:6.1
import PackageDescription

/// capsim: capacity planning and cost modelling for shared versus dedicated GPU infrastructure.
///
/// Layers, dependencies pointing inward:
/// - `CapsimCore`: statistics, scenario model, simulation engine, analysis (no I/O).
/// - `CapsimScenarioLoader`: YAML scenario files to validated `Scenario` values (Yams).
/// - `CapsimStore`: SQLite through GRDB: schema, migrations, importers, run history.
/// - `CapsimCharts`: SVG charts in pure Swift (bars with whiskers, stacked bars, lines with bands).
/// - `CapsimReports`: terminal, Markdown, CSV, JSON, XLSX (libxlsxwriter, through `CXlsxWriter`) and
///   HTML renderings of results.
/// - `capsim`: the command-line executable, which only wires the others.
/// Release builds of the engine are compiled for the processor they are built on (`-target-cpu native`): on
/// the reference workload this is about 6% faster than the x86-64 baseline, and it changes no result, because
/// Swift never fuses or reorders floating-point operations (no FMA contraction, no fast-math), so every
/// scenario gives the same bytes either way (docs/benchmarks.md). A binary built this way may not run on an
/// older processor than the one it was built on: set `CAPSIM_PORTABLE_BUILD=1` when building one to copy
/// elsewhere.
let engineSettings: [SwiftSetting] =
  Context.environment["CAPSIM_PORTABLE_BUILD"] == "1"
  ? []
  : [
    .unsafeFlags(["-target-cpu", "native"], .when(platforms: [.linux], configuration: .release))
  ]

let package = Package(
  name: "capsim",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "capsim", targets: ["capsim"]),
    .library(name: "CapsimCore", targets: ["CapsimCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
  ],
  targets: [
    .target(
      name: "CapsimCore",
      dependencies: [.product(name: "RealModule", package: "swift-numerics")],
      swiftSettings: engineSettings
    ),
    .target(
      name: "CapsimScenarioLoader",
      dependencies: ["CapsimCore", "Yams"]
    ),
    .target(
      name: "CapsimStore",
      dependencies: ["CapsimCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .systemLibrary(
      name: "CXlsxWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    .target(
      name: "CapsimCharts"
    ),
    .target(
      name: "CapsimReports",
      dependencies: ["CapsimCore", "CapsimCharts", "CXlsxWriter"]
    ),
    .executableTarget(
      name: "capsim",
      dependencies: [
        "CapsimCore", "CapsimScenarioLoader", "CapsimStore", "CapsimReports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "_CapsimTestSupport",
      dependencies: ["CapsimCore", .product(name: "RealModule", package: "swift-numerics")],
      path: "Sources/_CapsimTestSupport"
    ),
    .testTarget(
      name: "CapsimCoreTests",
      dependencies: ["CapsimCore", "_CapsimTestSupport"]
    ),
    .testTarget(
      name: "CapsimScenarioLoaderTests",
      dependencies: ["CapsimScenarioLoader", "_CapsimTestSupport", "Yams"]
    ),
    .testTarget(
      name: "CapsimStoreTests",
      dependencies: ["CapsimStore", "_CapsimTestSupport"]
    ),
    .testTarget(
      name: "CapsimReportsTests",
      dependencies: ["CapsimReports", "_CapsimTestSupport"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "CapsimFuzzTests",
      dependencies: ["CapsimCore", "CapsimScenarioLoader", "CapsimStore"]
    ),
    .testTarget(
      name: "CapsimChartsTests",
      dependencies: ["CapsimCharts"]
    ),
    .testTarget(
      name: "CapsimCLITests",
      dependencies: ["capsim"]
    ),
    .testTarget(
      name: "CapsimEndToEndTests",
      dependencies: ["CapsimCore", "_CapsimTestSupport"],
      exclude: ["Snapshots"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
