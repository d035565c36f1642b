/// Test fixtures, inline so the test target needs no resources.
enum Fixtures {
  /// A SkyPilot catalog `vms.csv` in the real AWS layout (catalogs/v6/aws/vms.csv column order; GpuInfo
  /// as the catalogs write it, a quoted Python-repr blob), with one Azure row for a fractional
  /// AcceleratorCount and one Lambda-style row without prices. Prices are illustrative, in the
  /// magnitude of the real catalogs. Contains: 2 CPU-only rows, empty SpotPrice cells, an exact
  /// repeat (g4dn.xlarge eu-west-1), a row with neither price, a non-GPU accelerator (Trainium).
  static let skyPilotVMs = #"""
    InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,AvailabilityZone
    m6i.large,,,2.0,8.0,,0.096,0.0387,us-east-1,use1-az1
    g5.xlarge,A10G,1.0,4.0,16.0,"{'Gpus': [{'Name': 'A10G', 'Manufacturer': 'NVIDIA', 'Count': 1, 'MemoryInfo': {'SizeInMiB': 24576}}], 'TotalGpuMemoryInMiB': 24576}",1.006,0.4214,us-east-1,use1-az1
    g5.xlarge,A10G,1.0,4.0,16.0,"{'Gpus': [{'Name': 'A10G', 'Manufacturer': 'NVIDIA', 'Count': 1, 'MemoryInfo': {'SizeInMiB': 24576}}], 'TotalGpuMemoryInMiB': 24576}",1.006,,us-east-1,use1-az2
    g5.12xlarge,A10G,4.0,48.0,192.0,"{'Gpus': [{'Name': 'A10G', 'Manufacturer': 'NVIDIA', 'Count': 4, 'MemoryInfo': {'SizeInMiB': 24576}}], 'TotalGpuMemoryInMiB': 98304}",5.672,2.1405,us-west-2,usw2-az1
    p4d.24xlarge,A100,8.0,96.0,1152.0,"{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 40960}}], 'TotalGpuMemoryInMiB': 327680}",32.7726,12.9204,us-east-1,use1-az1
    p4d.24xlarge,A100,8.0,96.0,1152.0,"{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 40960}}], 'TotalGpuMemoryInMiB': 327680}",32.7726,,us-east-1,use1-az2
    p5.48xlarge,H100,8.0,192.0,2048.0,"{'Gpus': [{'Name': 'H100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 655360}",98.32,39.328,us-east-1,use1-az4
    p5.48xlarge,H100,8.0,192.0,2048.0,"{'Gpus': [{'Name': 'H100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 655360}",98.32,,us-west-2,usw2-az2
    c6i.xlarge,,,4.0,8.0,,0.17,0.0701,us-west-2,usw2-az1
    Standard_NV6ads_A10_v5,A10,0.16666666666666666,6.0,55.0,"{'Gpus': [{'Name': 'A10', 'Manufacturer': 'NVIDIA', 'Count': 0.16666666666666666, 'MemoryInfo': {'SizeInMiB': 4096}}], 'TotalGpuMemoryInMiB': 4096}",0.454,0.0908,eastus,
    Standard_NC24ads_A100_v4,A100-80GB,1.0,24.0,220.0,"{'Gpus': [{'Name': 'A100-80GB', 'Manufacturer': 'NVIDIA', 'Count': 1, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 81920}",3.673,1.4692,eastus,
    g4dn.xlarge,T4,1.0,4.0,16.0,"{'Gpus': [{'Name': 'T4', 'Manufacturer': 'NVIDIA', 'Count': 1, 'MemoryInfo': {'SizeInMiB': 16384}}], 'TotalGpuMemoryInMiB': 16384}",0.526,,eu-west-1,euw1-az1
    g4dn.xlarge,T4,1.0,4.0,16.0,"{'Gpus': [{'Name': 'T4', 'Manufacturer': 'NVIDIA', 'Count': 1, 'MemoryInfo': {'SizeInMiB': 16384}}], 'TotalGpuMemoryInMiB': 16384}",0.526,,eu-west-1,euw1-az1
    gpu_8x_h100_sxm5,H100,8.0,208.0,1800.0,"{'Gpus': [{'Name': 'H100', 'Manufacturer': 'NVIDIA', 'Count': 8.0, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 81920}",,,us-east-1,
    trn1.2xlarge,Trainium,1.0,8.0,32.0,,1.3438,0.4543,us-east-1,use1-az6
    """#

  /// The header of Helios `cluster_log.csv` (HeliosData, Hu et al., SC '21) with made-up rows.
  static let heliosClusterLog = #"""
    job_id,user,gpu_num,cpu_num,node_num,state,submit_time,start_time,end_time,duration,queue
    6227,uad9f,8,64,1,COMPLETED,2020-04-01 00:00:30,2020-04-01 00:00:31,2020-04-01 01:10:31,4200,vc6YE
    6228,u5bb7,1,4,1,FAILED,2020-04-01 00:01:02,2020-04-01 00:01:03,2020-04-01 00:01:40,37,vcLJZ
    6229,u5bb7,16,128,2,COMPLETED,2020-04-01 00:02:14,2020-04-01 00:05:00,2020-04-01 08:05:00,28800,vc6YE
    6230,ufd21,0,8,1,COMPLETED,2020-04-01 00:03:10,2020-04-01 00:03:10,2020-04-01 00:03:50,40,vcLJZ
    6231,uad9f,8,64,1,CANCELLED,2020-04-01 00:04:00,2020-04-01 00:04:05,2020-04-01 00:09:05,300,vc6YE
    6232,u3c2e,4,32,1,COMPLETED,2020-04-01 00:05:40,2020-04-01 00:07:00,2020-04-01 02:07:00,7200,vcHVN
    6233,u3c2e,2,16,1,COMPLETED,2020-04-01 00:06:11,,,,vcHVN
    """#

  /// Real rows of the Acme traces (Hu et al., "Characterization of Large Language Model Development
  /// in the Datacenter", NSDI '24): the example rows of `trace_seren.csv` and `trace_kalos.csv`
  /// that InternLM/AcmeTrace publishes in its README at commit
  /// 6d6ac9cd15f3b01151ac6ba00ecddd9156f0dc73, copied cell by cell from the README's tables into
  /// CSV (the trace files themselves are too large to be reached here). Unedited values; Seren
  /// writes times at +08:00, Kalos at +00:00.
  static let acmeSerenRows = #"""
    job_id,user,node_num,gpu_num,cpu_num,type,state,submit_time,start_time,end_time,duration,queue,gpu_time
    5778432,u5907,1,8,128,Other,FAILED,2023-03-01 00:18:22+08:00,2023-03-01 00:18:54+08:00,2023-03-01 00:20:51+08:00,117,32,936.0
    5778469,u5907,1,8,128,Other,COMPLETED,2023-03-01 00:23:58+08:00,2023-03-01 00:24:11+08:00,2023-03-01 01:09:04+08:00,2693,13,21544.0
    """#

  /// See `acmeSerenRows`.
  static let acmeKalosRows = #"""
    job_id,user,node_num,gpu_num,cpu_num,mem_per_pod_GB,shared_mem_per_pod,type,state,submit_time,start_time,end_time,fail_time,stop_time,duration,queue,gpu_time
    dlctk696s0jbvitv,uf794,8,64,960,1000,100.0,Other,FAILED,2023-05-17 11:00:58+00:00,2023-05-17 11:01:08+00:00,2023-05-17 11:01:16+00:00,2023-05-17 11:01:16+00:00,,18,10.0,1152.0
    dlc1t2ypl09b8qtp,uf794,8,64,960,1000,100.0,Other,CANCELLED,2023-05-17 11:28:42+00:00,2023-05-17 11:28:54+00:00,2023-05-17 11:30:04+00:00,,2023-05-17 11:30:04+00:00,82,12.0,5248.0
    """#
}
