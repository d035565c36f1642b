/// The host machine type a GCP accelerator row is priced with.
///
/// SkyPilot's GCP catalog lists a GPU's price on its own row (empty `InstanceType`) apart from the
/// host VM row (`a2-highgpu-1g` with no accelerator), because Google bills them separately. The
/// per-instance price of a GPU machine is host plus GPUs in the same zone. Google fixes the host for
/// each GPU in the accelerator-optimised families; N1 machines take attached GPUs, and capsim uses
/// SkyPilot's default GPU host there, `n1-highmem-8`.
///
/// Sources: Google Cloud "GPU machine types" (A2, A3, G2 tables) and "Attach GPUs to N1 VMs",
/// https://cloud.google.com/compute/docs/gpus ; SkyPilot `sky/catalog/gcp_catalog.py`.
enum GCPAcceleratorHost {
  /// The host machine type for `count` GPUs named `accelerator` (SkyPilot's names), or `nil` for
  /// accelerators that are not GPUs (TPUs).
  static func hostMachineType(accelerator: String, count: Double) -> String? {
    guard count > 0, count == count.rounded(), count <= 16 else { return nil }
    let gpus = Int(count)
    switch accelerator {
    case "A100": return gpus == 16 ? "a2-megagpu-16g" : "a2-highgpu-\(gpus)g"
    case "A100-80GB": return "a2-ultragpu-\(gpus)g"
    case "H100": return "a3-highgpu-\(gpus)g"
    case "H100-MEGA": return "a3-megagpu-\(gpus)g"
    case "H200": return "a3-ultragpu-\(gpus)g"
    case "B200": return "a4-highgpu-\(gpus)g"
    case "L4":
      let sizes = [
        1: "g2-standard-4", 2: "g2-standard-24", 4: "g2-standard-48", 8: "g2-standard-96",
      ]
      return sizes[gpus]
    default:
      if accelerator.lowercased().hasPrefix("tpu") { return nil }
      return attachedGPUHost
    }
  }

  /// The N1 machine SkyPilot attaches other GPUs (T4, V100, P100, P4, K80) to by default.
  static let attachedGPUHost = "n1-highmem-8"

  /// Whether `machineType` belongs to a GCP family whose GPUs are priced on separate rows
  /// (`a2-`, `a3-`, `a4-`, `g2-`).
  static func isGPUMachineFamily(_ machineType: String) -> Bool {
    ["a2-", "a3-", "a4-", "g2-"].contains { machineType.hasPrefix($0) }
  }

  /// Whether the combined price's name must say which GPUs were attached (N1 takes several kinds).
  static func namesAttachedGPUs(host: String) -> Bool {
    host == attachedGPUHost
  }
}
