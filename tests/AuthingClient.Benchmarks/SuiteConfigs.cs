using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace AuthingClient.Benchmarks;

/// <summary>
/// A shorter job than BenchmarkDotNet's default (2 cores, whole suite in ≈ 15 minutes), long
/// enough for a stable median: 15 measured iterations of 131,072 calls (≥ 100 ms each) after 6 warm-up iterations.
/// The invocation count is fixed (no pilot stage: a pilot run while tiered compilation is still
/// busy picks far too few calls), and the global set-ups first run every variant until the JIT is
/// quiet (<see cref="Fixtures.JitWarmup"/>).
/// </summary>
public sealed class PerCallConfig : ManualConfig
{
    public PerCallConfig()
    {
        AddJob(Job.Default
            .WithId("PerCall")
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(15)
            .WithInvocationCount(131_072));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// One invocation is a fixed batch of revocations over loopback (see
/// <see cref="LoopbackThroughputBenchmarks.Operations"/>), so one iteration is one batch; the global
/// set-up has already run both variants until the JIT is quiet.
/// </summary>
public sealed class LoopbackConfig : ManualConfig
{
    public LoopbackConfig()
    {
        AddJob(Job.Default
            .WithId("Loopback")
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(15)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// Suite 5's job: the check takes hundreds of nanoseconds and JWT validation tens of microseconds,
/// so BenchmarkDotNet's pilot stage picks each one's invocation count; 6 measured iterations.
/// </summary>
public sealed class CheckConfig : ManualConfig
{
    public CheckConfig()
    {
        AddJob(Job.Default
            .WithId("Check")
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(6));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
