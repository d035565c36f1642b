/// The host machine a GCP accelerator row is priced with.
///
/// SkyPilot's GCP catalog lists a GPU's price on its own row (empty `InstanceType`) apart from the
/// host VM row (`a2-highgpu-1g` with no accelerator), because Google bills them separately. The
/// per-instance price of a GPU machine is host plus GPUs in the same zone.
///
/// - Accelerator-optimised families: Google fixes the host for each GPU count (A100 ×N →
///   `a2-highgpu-Ng`, L4 ×1 → `g2-standard-4`, …), as SkyPilot's `_ACC_INSTANCE_TYPE_DICTS` lists.
/// - Other GPUs (T4, V100, P100, P4, K80) attach to N1 machines. SkyPilot's rule, which capsim
///   follows: the cheapest `n1-standard-`, `n1-highmem-` or `n1-highcpu-` row of the same zone with a
///   price, at least the vCPUs of its per-GPU-count table and at least 4 GiB of memory per such
///   vCPU (T4 ×1 needs 4 vCPUs and 16 GiB, so `n1-highmem-4`; V100 ×1 needs 8 and 32 GiB, so
///   `n1-highmem-8`). Ties keep the first row of the file, as pandas' `idxmin` does.
///
/// Sources: Google Cloud "GPU machine types" and "Attach GPUs to N1 VMs",
/// https://cloud.google.com/compute/docs/gpus ; SkyPilot `sky/catalog/gcp_catalog.py`
/// (`_ACC_INSTANCE_TYPE_DICTS`, `_NUM_ACC_TO_NUM_CPU`, `_DEFAULT_HOST_VM_FAMILY` and
/// `list_accelerators`' `_get_host_instance_type`), skypilot-org/skypilot at commit
/// 005261080a6b8102f3d95ff2147a855250f40272.
enum GCPAcceleratorHost {
  /// How an accelerator row finds its host.
  enum Rule: Equatable {
    /// A fixed machine type (accelerator-optimised families).
    case fixed(String)
    /// The cheapest N1 row of the zone with at least these vCPUs and GiB of memory.
    case attached(minimumVCPUs: Double, minimumMemoryGiB: Double)
  }

  /// The host rule for `count` GPUs named `accelerator` (SkyPilot's names), or `nil` for
  /// accelerators that are not GPUs (TPUs) and counts SkyPilot has no host for.
  static func rule(accelerator: String, count: Double) -> Rule? {
    guard count > 0, count == count.rounded(), count <= 16 else { return nil }
    let gpus = Int(count)
    switch accelerator {
    case "A100": return .fixed(gpus == 16 ? "a2-megagpu-16g" : "a2-highgpu-\(gpus)g")
    case "A100-80GB": return .fixed("a2-ultragpu-\(gpus)g")
    case "H100": return .fixed("a3-highgpu-\(gpus)g")
    case "H100-MEGA": return .fixed("a3-megagpu-\(gpus)g")
    case "H200": return .fixed("a3-ultragpu-\(gpus)g")
    case "B200": return .fixed("a4-highgpu-\(gpus)g")
    case "L4":
      let sizes = [
        1: "g2-standard-4", 2: "g2-standard-24", 4: "g2-standard-48", 8: "g2-standard-96",
      ]
      return sizes[gpus].map(Rule.fixed)
    default:
      if accelerator.lowercased().hasPrefix("tpu") { return nil }
      let table = vCPUsForAttachedGPUs[accelerator] ?? vCPUsForAttachedGPUs["DEFAULT"] ?? [:]
      guard let vCPUs = table[gpus] else { return nil }
      return .attached(
        minimumVCPUs: Double(vCPUs), minimumMemoryGiB: Double(vCPUs * memoryGiBPerVCPU))
    }
  }

  /// SkyPilot's `_NUM_ACC_TO_NUM_CPU`: host vCPUs by GPU and count (modelled on AWS's p2, p3 and
  /// g4dn sizes); other GPUs use `DEFAULT`.
  static let vCPUsForAttachedGPUs: [String: [Int: Int]] = [
    "K80": [1: 4, 2: 8, 4: 16, 8: 32, 16: 64],
    "V100": [1: 8, 2: 16, 4: 32, 8: 64],
    "T4": [1: 4, 2: 8, 4: 48],
    "P100": [1: 8, 2: 16, 4: 32, 8: 64],
    "DEFAULT": [1: 8, 2: 16, 4: 32, 8: 64, 16: 128],
  ]

  /// SkyPilot's `_DEFAULT_GPU_MEMORY_CPU_RATIO`: GiB of host memory per vCPU at least.
  static let memoryGiBPerVCPU = 4

  /// The N1 families SkyPilot attaches GPUs to (`_DEFAULT_HOST_VM_FAMILY`).
  static func isAttachableHost(_ machineType: String) -> Bool {
    ["n1-standard-", "n1-highmem-", "n1-highcpu-"].contains { machineType.hasPrefix($0) }
  }

  /// Whether `machineType` belongs to a GCP family whose GPUs are priced on separate rows
  /// (`a2-`, `a3-`, `a4-`, `g2-`).
  static func isGPUMachineFamily(_ machineType: String) -> Bool {
    ["a2-", "a3-", "a4-", "g2-"].contains { machineType.hasPrefix($0) }
  }
}
