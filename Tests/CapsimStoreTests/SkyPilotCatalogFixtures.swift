/// Excerpts of real SkyPilot catalogs (skypilot-org/skypilot-catalog, Apache-2.0), rows copied
/// unedited, for the catalog importer's tests.
enum SkyPilotCatalogFixtures {
  /// `catalogs/v7/gcp/vms.csv` at commit 017e2502fb63c7a28757acd94002b2d6099d3e3d: host VM rows
  /// (a2-highgpu-1g/2g, no accelerator), accelerator rows priced apart (empty InstanceType), CPU-only
  /// rows (one with an empty Price), TPU rows and an exact repeat (the TPU v5p row is doubled in the
  /// real file). The a2-highgpu-1g host in us-west4-b has no A100 row here and the A100 in
  /// us-west3-b no host row, to exercise both unmatched cases.
  static let gcp = #"""
    InstanceType,vCPUs,MemoryGiB,AcceleratorName,AcceleratorCount,GpuInfo,Region,AvailabilityZone,Price,SpotPrice
    a2-highgpu-1g,12.0,85.0,,,,us-central1,us-central1-a,0.73948,0.29576
    a2-highgpu-1g,12.0,85.0,,,,us-central1,us-central1-b,0.73948,0.29576
    a2-highgpu-1g,12.0,85.0,,,,us-west4,us-west4-b,0.8328,0.32976
    a2-highgpu-2g,24.0,170.0,,,,us-central1,us-central1-a,1.47895,0.59151
    n4-standard-2,2.0,8.0,,,,asia-northeast2,asia-northeast2-a,,0.04868
    t2d-standard-8,8.0,32.0,,,,us-central1,us-central1-a,0.33797,0.03653
    ,,,A100,1,{'Gpus': [{'MemoryInfo': {'SizeInMiB': 40960}}]},us-central1,us-central1-a,2.93391,1.1472
    ,,,A100,1,{'Gpus': [{'MemoryInfo': {'SizeInMiB': 40960}}]},us-central1,us-central1-b,2.93391,1.1472
    ,,,A100,1,{'Gpus': [{'MemoryInfo': {'SizeInMiB': 40960}}]},us-west3,us-west3-b,3.43686,1.3713
    ,,,A100,2,{'Gpus': [{'MemoryInfo': {'SizeInMiB': 40960}}]},us-central1,us-central1-a,5.86782,2.2944
    ,,,tpu-v6e-1,1,tpu-v6e-1,us-central1,us-central1-b,2.7,0.64833
    ,,,tpu-v5p-11776,1,tpu-v5p-11776,europe-west4,europe-west4-b,25038.72,7939.90912
    ,,,tpu-v5p-11776,1,tpu-v5p-11776,europe-west4,europe-west4-b,25038.72,7939.90912
    """#

  /// `catalogs/v7/lambda/vms.csv` at commit 11580132cea293395776b033c8533714d42abb4e (Lambda's own
  /// column order: Price before Region, no zone, empty SpotPrice).
  static let lambda = #"""
    InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,Region,GpuInfo,SpotPrice
    cpu_4x_general,,,4.0,16.0,0.2,us-east-1,,
    gpu_1x_a6000,A6000,1.0,14.0,100.0,0.8,us-east-1,"{'Gpus': [{'Name': 'A6000', 'Manufacturer': 'NVIDIA', 'Count': 1.0, 'MemoryInfo': {'SizeInMiB': 49152}}], 'TotalGpuMemoryInMiB': 49152}",
    gpu_8x_a100,A100,8.0,124.0,1800.0,10.32,us-east-1,"{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': 8.0, 'MemoryInfo': {'SizeInMiB': 40960}}], 'TotalGpuMemoryInMiB': 40960}",
    """#

  /// `catalogs/v7/runpod/vms.csv` at commit 0727c2bd9e77f91cb1377127c5f793a28cf01384 (SpotPrice
  /// before Price; the SXM row has no spot price).
  static let runpod = #"""
    InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Region,SpotPrice,Price,AvailabilityZone
    1x_A100-80GB_SECURE,A100-80GB,1.0,8.0,80.0,A100-80GB,CA,1.19,1.64,CA-MTL-1
    8x_A100-80GB_SECURE,A100-80GB,8.0,64.0,640.0,A100-80GB,CA,9.52,12.96,CA-MTL-1
    1x_A100-80GB-SXM_SECURE,A100-80GB-SXM,1.0,16.0,80.0,A100-80GB-SXM,CA,,1.89,CA-MTL-1
    """#

  /// Azure's layout (`catalogs/v7/azure/vms.csv` is not in the snapshot available here): the
  /// header and the unquoted `Generation` values (`V1,V2`) as reported in issue #11; on-demand
  /// prices are Azure's published East US pay-as-you-go rates (NC24ads A100 v4 $3.673, NC6s v3
  /// $3.06, NV6ads A10 v5 $0.454 for a sixth of an A10); spot prices are illustrative.
  static let azure = #"""
    InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,Generation
    Standard_NC24ads_A100_v4,A100-80GB,1,24.0,220.0,A100-80GB,3.673,0.7346,eastus,V2
    Standard_NV6ads_A10_v5,A10,0.16666666666666666,6.0,55.0,A10,0.454,0.0908,eastus,V1,V2
    Standard_NC6s_v3,V100,1,6.0,112.0,V100,3.06,0.306,eastus,V1,V2
    Standard_D2s_v3,,,2.0,8.0,,0.096,0.0192,eastus,V1,V2
    """#
}
