using System.Diagnostics;
using System.Globalization;
using AuthingClient.Benchmarks.Fixtures;
using AuthingClient.Benchmarks.Revokers;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Benchmarks;

/// <summary>
/// Suite 2b, <c>--paired-loopback [--rounds R] [--ops N] [--with-refit | --breakdown]</c>: suite 2's (a) and (d) against the same
/// loopback server in one process, in alternating batches of N revocations (R rounds per
/// concurrency: 1, 8, 64), so both see the same machine load; wall time and process CPU time per
/// batch. Over loopback most of the time is the kernel's (send, receive, wake-ups: about 60% of the
/// samples in a profile), which varies more from minute to minute on a shared machine than the
/// client's own cost; BenchmarkDotNet measures (a) and (d) minutes apart. Prints the median
/// revocations per second of each and the ratio to (a). <c>--with-refit</c> adds (c), the Refit
/// contract alone over the library's primary handler, and prints (d)/(c), the target's ratio;
/// <c>--breakdown</c> also adds (d1), the client with one attempt, and the experiment (e), the
/// client over the same contract implemented without Refit.
/// </summary>
internal static class PairedLoopback
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = IntArgument(args, "--rounds", 15);
        var operations = IntArgument(args, "--ops", LoopbackThroughputBenchmarks.Operations);
        var token = RevocationFixture.OpaqueToken;

        await using var server = await LoopbackRevocationServer.StartAsync().ConfigureAwait(false);
        using var http = new HttpClient(LibraryLikeHandler());
        var handWritten = new HandWrittenRevoker(http, server.RevocationUri);
        await using var provider = LibraryClient.CreateProvider(server.BaseAddress);
        var client = provider.GetRequiredService<AuthenticationClient>();
        var variants = new List<(string Name, Func<Task<bool>> Revoke)>
        {
            ("(a) hand-written", () => handWritten.RevokeAsync(token)),
            ("(d) AuthenticationClient", () => client.RevokeTokenAsync(token)),
        };
        await using var oneAttemptProvider = LibraryClient.CreateProvider(server.BaseAddress, configure: static options => options.Retry.MaxAttempts = 1);
        using var refitHttp = RefitContractRevoker.CreateLibraryLikeClient(LibraryLikeHandler(), server.BaseAddress);
        using var directHttp = new HttpClient(LibraryLikeHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        using var withoutRefit = new AuthenticationClient(
            AuthingClient.Transport.RevocationServices.FromValidated(
                new DirectContractApi(directHttp, server.BaseAddress),
                new AuthenticationClientOptions { AppId = RevocationFixture.AppId, AppSecret = RevocationFixture.AppSecret, AppHost = server.BaseAddress.GetLeftPart(UriPartial.Authority) },
                clientName: null,
                loggerFactory: null,
                timeProvider: null),
            AuthingClient.Propagation.LocalRevocationTargets.None);
        var breakdown = args.Contains("--breakdown");
        if (breakdown || args.Contains("--with-refit"))
        {
            var refit = new RefitContractRevoker(refitHttp);
            variants.Add(("(c) Refit contract", () => refit.RevokeAsync(token)));
        }

        if (breakdown)
        {
            var oneAttempt = oneAttemptProvider.GetRequiredService<AuthenticationClient>();
            variants.Add(("(d1) AuthenticationClient, one attempt", () => oneAttempt.RevokeTokenAsync(token)));
            variants.Add(("(e) AuthenticationClient over the contract without Refit (experiment)", () => withoutRefit.RevokeTokenAsync(token)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired loopback: {rounds} rounds x {operations} revocations per variant and concurrency, {Environment.ProcessorCount} cores"));
        Console.WriteLine("| Concurrency | Variant | Revocations/s (median) | CPU µs per revocation (median) | Bytes per revocation (median, server's included) | Throughput vs (a) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        foreach (var concurrency in new[] { 1, 8, 64 })
        {
            JitWarmup.UntilQuiet(() =>
            {
                foreach (var (_, revoke) in variants)
                {
                    RunBatchAsync(revoke, concurrency, operations).GetAwaiter().GetResult();
                }
            });

            var perSecond = variants.Select(_ => new List<double>()).ToArray();
            var cpu = variants.Select(_ => new List<double>()).ToArray();
            var bytes = variants.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < variants.Count; k++)
                {
                    var i = (k + round) % variants.Count;
                    var cpuBefore = Environment.CpuUsage.TotalTime;
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    var started = Stopwatch.GetTimestamp();
                    await RunBatchAsync(variants[i].Revoke, concurrency, operations).ConfigureAwait(false);
                    perSecond[i].Add(operations / Stopwatch.GetElapsedTime(started).TotalSeconds);
                    cpu[i].Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds / operations);
                    bytes[i].Add((double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / operations);
                }
            }

            for (var i = 0; i < variants.Count; i++)
            {
                var ratio = Median(perSecond[i]) / Median(perSecond[0]);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {concurrency} | {variants[i].Name} | {Median(perSecond[i]):F0} | {Median(cpu[i]):F1} | {Median(bytes[i]):F0} | {(i > 0 ? ratio.ToString("F2", CultureInfo.InvariantCulture) : string.Empty)} |"));
            }

            // The target (docs/performance.md) compares (d) with (c) of the same run.
            var refit = variants.FindIndex(variant => variant.Name.StartsWith("(c)", StringComparison.Ordinal));
            if (refit >= 0)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"concurrency {concurrency}: (d)/(c) throughput {Median(perSecond[1]) / Median(perSecond[refit]):F2}, CPU per revocation {Median(cpu[1]) / Median(cpu[refit]):F2}, bytes per revocation {Median(bytes[1]) / Median(bytes[refit]):F2}"));
            }
        }

        return 0;
    }

    // The library's primary handler settings (AuthingHttp.CreatePrimaryHandler).
    private static SocketsHttpHandler LibraryLikeHandler() => new() { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    private static Task RunBatchAsync(Func<Task<bool>> revoke, int concurrency, int operations)
    {
        var remaining = operations;
        var callers = new Task[concurrency];
        for (var c = 0; c < concurrency; c++)
        {
            callers[c] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    if (!await revoke().ConfigureAwait(false))
                    {
                        throw new InvalidOperationException("A revocation was not confirmed.");
                    }
                }
            });
        }

        return Task.WhenAll(callers);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int IntArgument(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
