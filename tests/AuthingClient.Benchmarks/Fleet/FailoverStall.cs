using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using AuthingClient.Revocation;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AuthingClient.Benchmarks.Fleet;

/// <summary>
/// Suite 8, <c>--failover-stall --redis "SENTINEL:PORT,serviceName=NAME" [--seconds S] [--stock-sentinel]</c>
/// (driven by measure-failover.sh, which kills the primary once this prints READY): the JwtBearer
/// app with the replicated check on a Sentinel set, one client sending GET /me back to back for S
/// seconds; prints how long the slowest requests waited. <c>--stock-sentinel</c> gives the registry
/// a connection in StackExchange.Redis's own Sentinel mode (as an application's shared connection),
/// which is how the registry followed a failover before issue 19.
/// </summary>
internal static class FailoverStall
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(300);

    public static async Task<int> RunAsync(string[] args)
    {
        var redis = FleetLoopback.StringArgument(args, "--redis") ?? throw new ArgumentException("--redis SENTINEL:PORT,serviceName=NAME is required.");
        var seconds = FleetLoopback.IntArgument(args, "--seconds", 12);
        var stock = args.Contains("--stock-sentinel");
        using var tokens = new FleetTokens();
        var token = tokens.Create(CheckedToken.JwtWithJwtId);
        var shared = stock ? await ConnectionMultiplexer.ConnectAsync(redis).ConfigureAwait(false) : null;
        var app = await FleetLoopback.StartAsync(tokens, services =>
        {
            services.AddAuthingRevocationCheck();
            if (shared is not null)
            {
                services.AddSingleton<IConnectionMultiplexer>(shared);
            }

            services.AddAuthingRedisRevokedTokenRegistry(o =>
            {
                o.Redis = shared is null ? redis : null;
                o.UseRegisteredConnection = shared is not null;
                o.KeyPrefix = "failover-probe";
            });
        }).ConfigureAwait(false);
        await app.Services.GetRequiredService<RevokedTokenRegistry>().MarkRevokedAsync(tokens.Create(CheckedToken.JwtWithJwtId)).ConfigureAwait(false);

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < 500; i++)
        {
            using var warm = await http.GetAsync(new Uri("/me", UriKind.Relative)).ConfigureAwait(false);
        }

        Console.WriteLine("READY");
        var threadsBefore = ThreadPool.ThreadCount;
        var answers = new List<(double At, double Took, int Status)>();
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
        {
            var at = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri("/me", UriKind.Relative)).ConfigureAwait(false);
            answers.Add((at, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, (int)response.StatusCode));
        }

        var took = answers.Select(answer => answer.Took).Order().ToList();
        var slowest = answers.OrderByDescending(answer => answer.Took).Take(3).Select(answer => string.Create(CultureInfo.InvariantCulture, $"{answer.Took:F0} ms at {answer.At:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(stock ? "stock Sentinel mode" : "registry's own"),-19}: {answers.Count} requests, {answers.Count(answer => answer.Status != 200)} not 200; p50 {took[took.Count / 2]:F2} ms, p99 {took[(int)(took.Count * 0.99)]:F2} ms; slower than {Slow.TotalMilliseconds:F0} ms: {took.Count(t => t > Slow.TotalMilliseconds)}; slowest {string.Join(", ", slowest)}; thread-pool threads {threadsBefore} -> {ThreadPool.ThreadCount}"));
        await app.DisposeAsync().ConfigureAwait(false);
        if (shared is not null)
        {
            await shared.DisposeAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
