import CapsimCore
import CapsimReports
import Testing

@Suite("Bench report")
struct BenchReportTests {
  /// Figures chosen so that every derived number can be checked by hand: 2,000,000 jobs, floor 0.02 s
  /// (10.0 ns per job), one thread 0.09 s (45.0 ns per job, 22.2 million jobs/s, 4.50 × the floor), two
  /// threads 0.05 s (40.0 million jobs/s, speed-up × 1.80); checksum 0x1FF prints its low byte, 255.
  static func measurement(threads: Int, identical: Bool) -> ThroughputBenchmark.Measurement {
    ThroughputBenchmark.Measurement(
      jobs: 2_000_000, baselineNanosecondsPerOutput: 1.234, drawFloorSeconds: 0.02,
      singleThreadSeconds: 0.09, parallelSeconds: 0.05, threads: threads, identical: identical,
      keyedCounterNanoseconds: 2.5, keyedXoshiroNanoseconds: 1.75, checksum: 0x1FF)
  }

  @Test func figuresAreDerivedAsWorkedByHand() {
    let text = BenchReport.text(
      Self.measurement(threads: 2, identical: true), scenario: "ref", trials: 300, options: 3)
    #expect(
      text == """
        scenario: ref, 300 trials, 3 options, 2,000,000 simulated jobs
        baseline: xoshiro256** next(): 1.23 ns per output (checksum 255)
        keyed draw (job key + stream + 1 output): CounterStream 2.50 ns, xoshiro256** seeded per key 1.75 ns
        draw floor (only the draws the model needs, 1 thread): 0.02 s, 10.0 ns per job
        1 thread:  0.09 s, 22.2 million jobs/s, 45.0 ns per job = 4.50 × draw floor
        2 threads: 0.05 s, 40.0 million jobs/s, speed-up ×1.80
        results identical across thread counts: yes

        """)
  }

  /// With several rounds the times are medians, said on a line of their own, and each round's floor ratio
  /// and speed-up follow the median's.
  @Test func roundsAreListedAfterTheMedians() {
    var m = Self.measurement(threads: 2, identical: true)
    m.rounds = 3
    m.floorRatios = [4.5, 3.874, 5.126]
    m.speedUps = [1.8, 1.95, 2.5]
    let text = BenchReport.text(m, scenario: "ref", trials: 300, options: 3)
    #expect(
      text.contains(
        "\ntimes are medians of 3 rounds, each timing the draw floor, 1 thread and 2 threads in turn\n"
          + "draw floor (only the draws the model needs, 1 thread): 0.02 s, 10.0 ns per job\n"))
    #expect(text.contains("= 4.50 × draw floor (rounds: 4.50, 3.87, 5.13)\n"))
    #expect(text.contains("speed-up ×1.80 (rounds: ×1.80, ×1.95, ×2.50)\n"))
    #expect(text.hasSuffix("results identical across thread counts and rounds: yes\n"))
  }

  /// A scenario with uncertain inputs is timed at their medians, and the report says so after the
  /// scenario's line.
  @Test func uncertainInputsAreSaidToBeHeldAtTheirMedians() {
    let m = Self.measurement(threads: 2, identical: true)
    let four = BenchReport.text(m, scenario: "u", trials: 10, options: 2, uncertainInputs: 4)
    #expect(
      four.contains(
        " simulated jobs\nuncertain inputs: 4 held at their medians (capsim run draws them per trial)\n"
          + "baseline: "))
    let one = BenchReport.text(m, scenario: "u", trials: 10, options: 2, uncertainInputs: 1)
    #expect(one.contains("uncertain inputs: 1 held at its median ("))
    #expect(!BenchReport.text(m, scenario: "u", trials: 10, options: 2).contains("uncertain"))
  }

  @Test func singularsAndAMismatchAreSpelledOut() {
    let text = BenchReport.text(
      Self.measurement(threads: 1, identical: false), scenario: "one", trials: 1, options: 1)
    #expect(text.hasPrefix("scenario: one, 1 trial, 1 option, "))
    #expect(text.contains("\n1 thread: 0.05 s"))
    #expect(text.hasSuffix("results identical across thread counts: NO\n"))
  }
}

/// With zero jobs there is nothing to divide by: the report says so instead of ∞ ns per job.
@Suite("Bench report without jobs")
struct BenchReportZeroJobsTests {
  @Test func saysNoJobsSimulated() {
    var m = BenchReportTests.measurement(threads: 2, identical: true)
    m.jobs = 0
    let text = BenchReport.text(m, scenario: "none", trials: 20, options: 2)
    #expect(text.contains("scenario: none, 20 trials, 2 options, 0 simulated jobs\n"))
    #expect(
      text.contains(
        "draw floor (only the draws the model needs, 1 thread): 0.02 s, no jobs simulated\n"))
    #expect(text.contains("\n1 thread:  0.09 s, no jobs simulated\n"))
    // The speed-up 0.09 / 0.05 = 1.80 still holds.
    #expect(text.contains("\n2 threads: 0.05 s, speed-up ×1.80\n"))
    #expect(!text.contains("∞") && !text.contains("nan") && !text.contains("jobs/s"))
  }
}
