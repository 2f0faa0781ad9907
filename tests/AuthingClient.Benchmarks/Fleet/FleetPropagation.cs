using System.Diagnostics;
using System.Globalization;
using AuthingClient.Redis;
using AuthingClient.Revocation;

namespace AuthingClient.Benchmarks.Fleet;

/// <summary>
/// Suite 7, <c>--propagation --redis HOST:PORT [--marks N] [--users]</c> and <c>--replica-memory --redis HOST:PORT [--entries N] [--users]</c>.
/// Propagation: two replicated registries (two instances) on one Redis; each of N marks (with
/// <c>--users</c>, per-user revocations) is made on the first, and the time until the second rejects
/// the token (a token of that user) is measured (p50, p99, max).
/// Memory: N live revocations (with <c>--users</c>, revoked users) are published to Redis, then a
/// fresh replica loads them; the managed heap before and after, per entry, and the load time.
/// </summary>
internal static class FleetPropagation
{
    public static async Task<int> RunPropagationAsync(string[] args)
    {
        var redis = FleetLoopback.StringArgument(args, "--redis") ?? throw new ArgumentException("--redis HOST:PORT is required.");
        var marks = FleetLoopback.IntArgument(args, "--marks", 1000);
        var users = args.Contains("--users");
        var prefix = "propagation-" + Guid.NewGuid().ToString("N");
        await using var first = Replica(redis, prefix);
        await using var second = Replica(redis, prefix);
        await Task.WhenAll(first.WaitUntilLoadedAsync(TimeSpan.FromSeconds(30), default), second.WaitUntilLoadedAsync(TimeSpan.FromSeconds(30), default));

        var elapsed = new List<double>(marks);
        var deadline = TimeSpan.FromSeconds(10);
        for (var i = 0; i < marks; i++)
        {
            var subject = "propagated-" + Guid.NewGuid().ToString("N");
            var token = users ? UserToken(subject) : subject;
            var started = Stopwatch.GetTimestamp();
            if (users)
            {
                await first.RevokeUserAsync(FleetTokens.Issuer, subject, DateTimeOffset.UtcNow);
            }
            else
            {
                await first.MarkRevokedAsync(token);
            }

            while (!await second.IsRevokedAsync(token))
            {
                if (Stopwatch.GetElapsedTime(started) > deadline)
                {
                    throw new TimeoutException($"Mark {i} did not reach the second instance within {deadline}.");
                }

                await Task.Yield();
            }

            elapsed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        elapsed.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"propagation over {marks} {(users ? "revoked users" : "marks")}: p50 {Percentile(elapsed, 0.50):F2} ms, p99 {Percentile(elapsed, 0.99):F2} ms, max {elapsed[^1]:F2} ms"));
        return 0;
    }

    public static async Task<int> RunMemoryAsync(string[] args)
    {
        var redis = FleetLoopback.StringArgument(args, "--redis") ?? throw new ArgumentException("--redis HOST:PORT is required.");
        var entries = FleetLoopback.IntArgument(args, "--entries", 1_000_000);
        var users = args.Contains("--users");
        var prefix = "memory-" + Guid.NewGuid().ToString("N");
        // Published straight to the log in batches, as the outbox does, so no other replica is in this process's heap.
        await using (var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis))
        {
            var log = new RevocationLog(connection, prefix, TimeSpan.FromHours(1), TimeProvider.System);
            var end = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
            for (var start = 0; start < entries; start += RevocationLog.PageSize)
            {
                var batch = Enumerable.Range(start, Math.Min(RevocationLog.PageSize, entries - start))
                    .Select(i => users
                        ? new RevocationEntry(RevocationKey.OfUser(FleetTokens.Issuer, "user-" + i.ToString(CultureInfo.InvariantCulture), null), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), end)
                        : new RevocationEntry(RevocationKey.Of("memory-" + i.ToString(CultureInfo.InvariantCulture)), RevocationEntry.AnyIssueTime, end))
                    .ToList();
                await log.AppendAsync(batch);
            }
        }

        var before = HeapAfterCollection();
        var started = Stopwatch.GetTimestamp();
        await using var reader = Replica(redis, prefix);
        await reader.WaitUntilLoadedAsync(TimeSpan.FromMinutes(5), default);
        var loadTime = Stopwatch.GetElapsedTime(started);
        var after = HeapAfterCollection();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replica of {reader.Count} {(users ? "revoked users" : "entries")}: loaded in {loadTime.TotalSeconds:F1} s, managed heap +{(after - before) / 1048576.0:F1} MiB, {(after - before) / (double)reader.Count:F0} B per entry"));
        GC.KeepAlive(reader);
        return 0;
    }

    /// <summary>An unsigned JWT of <paramref name="subject"/> issued a minute ago: the registry reads claims without validating.</summary>
    private static string UserToken(string subject)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $$"""{"iss":"{{FleetTokens.Issuer}}","sub":"{{subject}}","aud":"{{FleetTokens.Audience}}","iat":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60}}}""");
        return "eyJhbGciOiJSUzI1NiJ9." + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload) + ".c2ln";
    }

    private static RedisRevokedTokenRegistry Replica(string redis, string prefix) =>
        new(new RedisRevokedTokenRegistryOptions { Redis = redis, KeyPrefix = prefix, LogRetention = TimeSpan.FromHours(1) }, new RevokedTokenRegistryOptions(), null, null);

    private static long HeapAfterCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
