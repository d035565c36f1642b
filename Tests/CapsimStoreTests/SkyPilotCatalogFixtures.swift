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

  /// `catalogs/v7/azure/vms.csv` of coopslarhette/skypilot-catalog (a fork that mirrors
  /// skypilot-org/skypilot-catalog; the upstream file is not in the index here) at commit
  /// dd2604fa22866db0d4467728f4a4aeccbdccbd45: ten rows cut unedited, in file order. CPU-only rows
  /// (one without a spot price), rows without prices (an A10 v4 with no accelerator columns, an AMD
  /// Radeon MI25 in westus), `Generation` quoted as `"V1,V2"` in this version, `GpuInfo` holding only
  /// the GPU name, H100 rows whose SpotPrice equals Price, and `Standard_ND96isr_H100_v5` with an
  /// AcceleratorCount of 12 (Azure sells it with 8 H100s: an error in the catalog itself).
  static let azure = #"""
    InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,Generation
    Basic_A0,,,1.0,0.75,,0.018,0.0126,centralus,V1
    Standard_B12ms,,,12.0,48,,0.599,,centralus,"V1,V2"
    Standard_NC16ads_A10_v4,,,16.0,200,,,,eastus,"V1,V2"
    Standard_NC24ads_A100_v4,A100-80GB,1,24.0,220,A100-80GB,3.673,0.444433,eastus,V2
    Standard_NC40ads_H100_v5,H100,1,40.0,320,H100,6.98,6.98,eastus,V2
    Standard_NC6s_v3,V100,1,6.0,112,V100,3.06,0.3978,eastus,"V1,V2"
    Standard_ND96amsr_A100_v4,A100-80GB,8,96.0,1800,A100-80GB,32.77,3.6047,eastus,V2
    Standard_ND96asr_v4,A100,8,96.0,900,A100,27.197,2.99167,eastus,V2
    Standard_ND96isr_H100_v5,H100,12,96.0,1900,H100,98.32,98.32,eastus,V2
    Standard_NV4as_v4,Radeon MI25,1,4.0,14,Radeon MI25,,,westus,"V1,V2"
    """#

  /// `catalogs/v7/gcp/vms.csv` at commit 017e2502fb63c7a28757acd94002b2d6099d3e3d, rows for GPUs
  /// that attach to N1 machines, cut unedited and kept in file order: N1 rows of us-central1-a and
  /// us-west4-a (the cut has no `n1-highmem-8` row in us-central1-a), a `t2d-standard-8` row (not an
  /// N1 family, so never a host), T4 ×1 rows of both zones, and a P100 ×1 row in us-west1-a, a zone
  /// with no N1 row in the cut.
  static let gcpAttachedGPUs = #"""
    InstanceType,vCPUs,MemoryGiB,AcceleratorName,AcceleratorCount,GpuInfo,Region,AvailabilityZone,Price,SpotPrice
    n1-highmem-32,32.0,208.0,,,,us-central1,us-central1-a,1.89285,0.4769
    n1-highmem-4,4.0,26.0,,,,us-central1,us-central1-a,0.23661,0.05961
    n1-highmem-4,4.0,26.0,,,,us-west4,us-west4-a,0.26647,0.06417
    n1-highmem-64,64.0,416.0,,,,us-west4,us-west4-a,4.26346,1.02669
    n1-highmem-8,8.0,52.0,,,,us-west4,us-west4-a,0.53293,0.12834
    n1-highmem-96,96.0,624.0,,,,us-west4,us-west4-a,6.39518,1.54003
    n1-standard-1,1.0,3.75,,,,us-central1,us-central1-a,0.0475,0.01204
    t2d-standard-8,8.0,32.0,,,,us-west4,us-west4-a,0.38064,0.03642
    ,,,P100,1,{'Gpus': [{'MemoryInfo': {'SizeInMiB': 16384}}]},us-west1,us-west1-a,1.46,0.584
    ,,,T4,1,{'Gpus': [{'MemoryInfo': {'SizeInMiB': 16384}}]},us-central1,us-central1-a,0.35,0.14
    ,,,T4,1,{'Gpus': [{'MemoryInfo': {'SizeInMiB': 16384}}]},us-west4,us-west4-a,0.37,0.1258
    """#

  /// `catalogs/v7/aws/vms.csv` at commit 001367d22a0033fac286a8c71aeac7109e431bcb, nine rows cut
  /// unedited in file order: the file's first (CPU-only) row, p4d.24xlarge in ap-south-1 (no spot
  /// price) and us-east-1, the two p4de.24xlarge rows the file lists for the same zone (one with
  /// `Name: 'A100'` in GpuInfo and a spot price, one without), p5.48xlarge in ca-central-1 (spot
  /// equal to on-demand) and us-east-1, and p5e.48xlarge rows with no price and with a spot price
  /// only.
  static let aws = #"""
    InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,AvailabilityZone
    a1.2xlarge,,,8.0,16.0,,0.2568,0.256800,ap-northeast-1,apne1-az2
    p4d.24xlarge,A100,8.0,96.0,1152.0,"{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 40960}}], 'TotalGpuMemoryInMiB': 327680}",39.32,,ap-south-1,aps1-az1
    p4d.24xlarge,A100,8.0,96.0,1152.0,"{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 40960}}], 'TotalGpuMemoryInMiB': 327680}",32.7726,6.791500,us-east-1,use1-az1
    p4de.24xlarge,A100-80GB,8.0,96.0,1152.0,"{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 655360}",40.96575,7.807400,us-east-1,use1-az4
    p4de.24xlarge,A100-80GB,8.0,96.0,1152.0,"{'Gpus': [{'Name': 'A100-80GB', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 655360}",40.96575,,us-east-1,use1-az4
    p5.48xlarge,H100,8.0,192.0,2048.0,"{'Gpus': [{'Name': 'H100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 655360}",113.068,113.068000,ca-central-1,cac1-az4
    p5.48xlarge,H100,8.0,192.0,2048.0,"{'Gpus': [{'Name': 'H100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 655360}",98.32,30.326000,us-east-1,use1-az1
    p5e.48xlarge,H200,8.0,192.0,2048.0,"{'Gpus': [{'Name': 'H200', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 144384}}], 'TotalGpuMemoryInMiB': 1155072}",,,ap-southeast-2,apse2-az3
    p5e.48xlarge,H200,8.0,192.0,2048.0,"{'Gpus': [{'Name': 'H200', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 144384}}], 'TotalGpuMemoryInMiB': 1155072}",,14.925000,ap-southeast-3,apse3-az1
    """#
}
