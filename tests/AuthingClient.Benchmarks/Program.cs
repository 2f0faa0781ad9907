using System.Diagnostics;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Running;

namespace AuthingClient.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- --filter '*PerCall*'</c> etc. runs BenchmarkDotNet suites;
/// <c>--cold-start a|d</c> and <c>--serve</c> are the modes the cold-start driver uses
/// (measure-cold-start.sh); <c>--paired</c> and <c>--paired-loopback</c> are the interleaved
/// comparisons of the per-call and loopback variants. See docs/performance.md.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var started = Stopwatch.GetTimestamp();
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
            ["--cold-start", ..] => await ColdStart.RunAsync(args, started).ConfigureAwait(false),
            ["--serve", ..] => await LoopbackServe.RunAsync(args).ConfigureAwait(false),
            ["--paired", ..] => PairedComparison.Run(args),
            ["--paired-loopback", ..] => await PairedLoopback.RunAsync(args).ConfigureAwait(false),
            ["--fleet-loopback", ..] => await Fleet.FleetLoopback.RunAsync(args).ConfigureAwait(false),
            ["--propagation", ..] => await Fleet.FleetPropagation.RunPropagationAsync(args).ConfigureAwait(false),
            ["--replica-memory", ..] => await Fleet.FleetPropagation.RunMemoryAsync(args).ConfigureAwait(false),
            ["--outbox-marks", ..] => await Fleet.OutboxMarkCost.RunAsync(args).ConfigureAwait(false),
            ["--failover-stall", ..] => await Fleet.FailoverStall.RunAsync(args).ConfigureAwait(false),
            _ => RunBenchmarks(args),
        };
    }

    // Kept out of Main so the cold-start mode never loads BenchmarkDotNet.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunBenchmarks(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
