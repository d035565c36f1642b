/// The reference scenario of `capsim bench` (documented in `docs/benchmarks.md`): 10,000 trials of
/// 12 months at 200 jobs a month for three options, with stragglers, contention, interruptions and a queued
/// dedicated option — 72 million simulated jobs.
enum ReferenceBenchmark {
  static let scenario = """
    version: 1
    name: benchmark-reference
    description: capsim bench reference workload (all mechanisms on).
    horizon_months: 12
    trials: 10000
    seed: 2026
    workload:
      jobs_per_month: 200
      arrivals: poisson
      gpus_per_job: 8
      steps_per_job: 72000
      deadline_hours: 36
    options:
      - name: shared-stragglers
        samples: h100-1gpu-step-time-shared
        price: lambda-h100-sxm5-8x-on-demand
        stragglers: true
        contention: {episodes_per_hour: 0.02, mean_duration_hours: 2, slowdown: {low: 1.15, high: 1.5}}
        interruptions: {failures_per_gpu_hour: 0.00002, checkpoint_every_hours: daly, checkpoint_hours: 0.1, restart_hours: 0.25}
        queue_wait: {samples: h100-queue-wait-shared}
      - name: spot
        samples: h100-8gpu-step-time-spot
        price: aws-p5-h100-spot
        contention: {episodes_per_hour: 0.02, mean_duration_hours: 2, slowdown: 1.3}
        interruptions: {preemptions_per_gpu_hour: 0.0003, failures_per_gpu_hour: 0.00002, checkpoint_every_hours: daly, checkpoint_hours: 0.1, restart_hours: 0.25, rerun_probability: 0.01, max_reruns: 2}
      - name: bare-metal-queued
        samples: h100-8gpu-step-time-baremetal
        price: baremetal-h100-8x-commit-12m
        nodes: 8
        interruptions: {failures_per_gpu_hour: 0.00002, checkpoint_every_hours: daly, checkpoint_hours: 0.1, restart_hours: 0.25}
    """
}
