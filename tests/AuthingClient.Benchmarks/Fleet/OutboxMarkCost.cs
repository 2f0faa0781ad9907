using System.Diagnostics;
using System.Globalization;
using AuthingClient.Redis;
using AuthingClient.Revocation;

namespace AuthingClient.Benchmarks.Fleet;

/// <summary>
/// Suite 7, <c>--outbox-marks --redis HOST:PORT [--marks N] [--concurrency C] [--outbox-dir DIR]</c>:
/// what a mark costs its caller with the outbox in memory and with <c>OutboxPath</c> (written and
/// fsynced before the call returns). One caller at a time (every mark pays its own fsync), then C
/// callers at once (marks that arrive during an fsync share the next one: the cost per batch).
/// </summary>
internal static class OutboxMarkCost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var redis = FleetLoopback.StringArgument(args, "--redis") ?? throw new ArgumentException("--redis HOST:PORT is required.");
        var marks = FleetLoopback.IntArgument(args, "--marks", 2000);
        var concurrency = FleetLoopback.IntArgument(args, "--concurrency", 16);
        var folder = FleetLoopback.StringArgument(args, "--outbox-dir") ?? Directory.CreateTempSubdirectory("authing-outbox-bench-").FullName;
        Console.WriteLine($"outbox folder: {folder}");
        foreach (var durable in new[] { false, true })
        {
            foreach (var callers in new[] { 1, concurrency })
            {
                await using var registry = Registry(redis, durable ? folder : null);
                await registry.WaitUntilLoadedAsync(TimeSpan.FromSeconds(30), default);
                await MarkAsync(registry, 100, callers);
                var flushesBefore = registry.OutboxFile?.Flushes ?? 0;
                var (perMark, wall) = await MarkAsync(registry, marks, callers);
                var flushes = (registry.OutboxFile?.Flushes ?? 0) - flushesBefore;
                perMark.Sort();
                var fsyncs = durable ? string.Create(CultureInfo.InvariantCulture, $"; {flushes} fsyncs, {(flushes == 0 ? 0 : (double)marks / flushes):F1} marks per fsync") : string.Empty;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(durable ? "OutboxPath" : "in memory"),-10} {callers,2} caller(s): {marks} marks in {wall.TotalMilliseconds:F0} ms ({marks / wall.TotalSeconds:F0}/s); per mark p50 {Percentile(perMark, 0.50):F3} ms, p99 {Percentile(perMark, 0.99):F3} ms, mean {perMark.Average():F3} ms{fsyncs}"));
            }
        }

        return 0;
    }

    private static async Task<(List<double> PerMark, TimeSpan Wall)> MarkAsync(RedisRevokedTokenRegistry registry, int marks, int callers)
    {
        var perMark = new List<double>(marks);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            await Task.Yield();
            var mine = new List<double>();
            while (Interlocked.Increment(ref next) < marks)
            {
                var token = "outbox-bench-" + Guid.NewGuid().ToString("N");
                var markStarted = Stopwatch.GetTimestamp();
                await registry.MarkRevokedAsync(token);
                mine.Add(Stopwatch.GetElapsedTime(markStarted).TotalMilliseconds);
            }

            lock (perMark)
            {
                perMark.AddRange(mine);
            }
        }));
        return (perMark, Stopwatch.GetElapsedTime(started));
    }

    private static RedisRevokedTokenRegistry Registry(string redis, string? outbox) =>
        new(new RedisRevokedTokenRegistryOptions { Redis = redis, KeyPrefix = "outbox-bench", OutboxPath = outbox }, new RevokedTokenRegistryOptions(), null, null);

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
