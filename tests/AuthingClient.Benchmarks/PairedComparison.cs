using System.Diagnostics;
using System.Globalization;
using AuthingClient.Benchmarks.Fixtures;

namespace AuthingClient.Benchmarks;

/// <summary>
/// Suite 1c, <c>--paired [--calls N] [--rounds R] [--token opaque|jwt] [--only a,d,...]</c>: the per-call variants
/// of <see cref="PerCallVariants"/> in one process, interleaved — each round times a block of N
/// calls of every variant in turn (rotating the order), R rounds — and measured in process CPU time
/// as well as wall time. On a shared machine whose load changes from minute to minute (other builds
/// on 2 cores), BenchmarkDotNet's wall-clock numbers for different variants are taken minutes
/// apart; interleaved blocks see the same load, and CPU time does not count time spent waiting for
/// a core. Prints the median per call of each variant and its ratio to (a).
/// </summary>
internal static class PairedComparison
{
    public static int Run(string[] args)
    {
        var calls = IntArgument(args, "--calls", 50_000);
        var rounds = IntArgument(args, "--rounds", 15);
        var token = Argument(args, "--token") == "jwt" ? RevocationFixture.JwtToken : RevocationFixture.OpaqueToken;

        using var variants = new PerCallVariants();
        variants.CheckAll(token);

        // --only keeps the named variants (by their short name), (a) always first as the baseline;
        // with one variant besides (a) it is also the mode to run under a profiler.
        var only = Argument(args, "--only")?.Split(',') ?? [];
        var all = variants.All
            .Where((variant, index) => index == 0 || only.Length == 0 || only.Contains(variant.Name.Split(' ')[0]))
            .ToList();

        // Warm-up: until tiered compilation has promoted every variant's whole path.
        var warmup = JitWarmup.UntilQuiet(() => RunEach(all, token, calls: 2_000));

        var cpu = all.Select(_ => new List<double>()).ToArray();
        var wall = all.Select(_ => new List<double>()).ToArray();
        var bytes = new long[all.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < all.Count; k++)
            {
                var i = (k + round) % all.Count;
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var started = Stopwatch.GetTimestamp();
                RunBlock(all[i].Revoke, token, calls);
                wall[i].Add(Stopwatch.GetElapsedTime(started).TotalNanoseconds / calls);
                bytes[i] = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / calls;
                cpu[i].Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalNanoseconds / calls);
            }
        }

        var baseCpu = Median(cpu[0]);
        var baseWall = Median(wall[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired comparison: {rounds} rounds x {calls} calls per variant after {warmup.TotalSeconds:F0} s of warm-up, token {token.Length} chars, {Environment.ProcessorCount} cores"));
        Console.WriteLine("| Variant | CPU ns/call (median) | CPU ratio | Wall ns/call (median) | Wall ratio | Bytes/call | Bytes ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < all.Count; i++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {all[i].Name} | {Median(cpu[i]):F0} | {Median(cpu[i]) / baseCpu:F2} | {Median(wall[i]):F0} | {Median(wall[i]) / baseWall:F2} | {bytes[i]} | {(double)bytes[i] / bytes[0]:F2} |"));
        }

        // The targets (docs/performance.md) compare (d) with (c) and (b) of the same run.
        var d = all.FindIndex(variant => variant.Name.StartsWith("d ", StringComparison.Ordinal));
        foreach (var reference in new[] { "c ", "b " })
        {
            var r = all.FindIndex(variant => variant.Name.StartsWith(reference, StringComparison.Ordinal));
            if (d >= 0 && r >= 0)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"(d)/({reference.Trim()}): CPU {Median(cpu[d]) / Median(cpu[r]):F2}, wall {Median(wall[d]) / Median(wall[r]):F2}, bytes {(double)bytes[d] / bytes[r]:F2}"));
            }
        }

        return 0;
    }

    private static void RunEach(List<(string Name, Func<string, Task<bool>> Revoke)> variants, string token, int calls)
    {
        foreach (var (_, revoke) in variants)
        {
            RunBlock(revoke, token, calls);
        }
    }

    private static void RunBlock(Func<string, Task<bool>> revoke, string token, int calls)
    {
        for (var n = 0; n < calls; n++)
        {
            if (!revoke(token).GetAwaiter().GetResult())
            {
                throw new InvalidOperationException("A revocation was not confirmed.");
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string? Argument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntArgument(string[] args, string name, int fallback) =>
        Argument(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
