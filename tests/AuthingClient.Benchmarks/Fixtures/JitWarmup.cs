using System.Diagnostics;
using System.Runtime;

namespace AuthingClient.Benchmarks.Fixtures;

/// <summary>
/// Runs a workload until tiered compilation has finished with it: until no method has been
/// compiled for <see cref="QuietPeriod"/> (at most <see cref="Limit"/>). The library's call path
/// goes through hundreds of methods (DI handlers, Polly, Refit, SocketsHttpHandler, Kestrel); on 2
/// busy cores the background tier-1 compiles of all of them take 5–15 s, during which the JIT takes
/// up to 10% of the CPU and the variant with more code looks slower than it is. BenchmarkDotNet's
/// warm-up counts iterations, not JIT activity, so the suites call this from their global set-up.
/// </summary>
public static class JitWarmup
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1.5);
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(40);

    /// <summary>Calls <paramref name="batch"/> repeatedly until the JIT has been quiet for <see cref="QuietPeriod"/>.</summary>
    /// <returns>How long it took.</returns>
    public static TimeSpan UntilQuiet(Action batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var started = Stopwatch.GetTimestamp();
        var lastChange = started;
        var compiled = JitInfo.GetCompiledMethodCount();
        while (Stopwatch.GetElapsedTime(started) < Limit)
        {
            batch();
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastChange = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastChange) >= QuietPeriod)
            {
                break;
            }
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
