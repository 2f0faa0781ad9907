using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using AuthingClient.Redis;
using AuthingClient.Revocation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Benchmarks.Fleet;

/// <summary>
/// Suite 6, <c>--fleet-loopback --redis HOST:PORT [--rounds R] [--requests N] [--clients C]</c>: the
/// same JwtBearer app on Kestrel (RS256, a token with a <c>jti</c>) three ways in one process: without
/// any revocation check, with the check over the replicated registry (1,000 live revocations
/// loaded from Redis), and with the check over <c>IDistributedCache</c> on the same Redis (a look-up
/// per request). C clients send N requests per round; rounds alternate the variants so all see the
/// same machine load. Prints the median requests per second and the ratio to the app without the check.
/// </summary>
internal static class FleetLoopback
{
    public static async Task<int> RunAsync(string[] args)
    {
        var redis = StringArgument(args, "--redis") ?? throw new ArgumentException("--redis HOST:PORT is required.");
        var rounds = IntArgument(args, "--rounds", 9);
        var requests = IntArgument(args, "--requests", 20_000);
        var clients = IntArgument(args, "--clients", 16);
        using var tokens = new FleetTokens();
        var token = tokens.Create(CheckedToken.JwtWithJwtId);

        var prefix = "fleet-bench-" + Guid.NewGuid().ToString("N");
        var variants = new List<(string Name, WebApplication App)>
        {
            ("JwtBearer alone", await StartAsync(tokens, services => { })),
            ("JwtBearer + replicated check", await StartAsync(tokens, services =>
            {
                services.AddAuthingRevocationCheck();
                services.AddAuthingRedisRevokedTokenRegistry(o => { o.Redis = redis; o.KeyPrefix = prefix; });
            })),
            ("JwtBearer + IDistributedCache check", await StartAsync(tokens, services =>
            {
                services.AddStackExchangeRedisCache(o => { o.Configuration = redis; o.InstanceName = prefix + ":"; });
                services.AddAuthingDistributedRevokedTokenRegistry();
                services.AddAuthingRevocationCheck();
            })),
        };

        // 1,000 live token revocations and 1,000 revoked users (half narrowed to the token's audience),
        // through the replicated registry and through the cache registry: every check looks up the
        // token, its user and its user with its audience.
        foreach (var (_, app) in variants.Skip(1))
        {
            var registry = app.Services.GetRequiredService<RevokedTokenRegistry>();
            for (var i = 0; i < 1000; i++)
            {
                await registry.MarkRevokedAsync(tokens.Create(CheckedToken.JwtWithJwtId));
                await registry.RevokeUserAsync(FleetTokens.Issuer, "revoked-user-" + i.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow, i % 2 == 0 ? FleetTokens.Audience : null);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet loopback: {rounds} rounds x {requests} requests per variant, {clients} clients, {Environment.ProcessorCount} cores"));
        var results = variants.ToDictionary(variant => variant.Name, _ => new List<double>());
        foreach (var (_, app) in variants)
        {
            await RoundAsync(app, token, requests / 4, clients);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, app) in round % 2 == 0 ? variants : Enumerable.Reverse(variants))
            {
                results[name].Add(await RoundAsync(app, token, requests, clients));
            }
        }

        var baseline = Median(results[variants[0].Name]);
        Console.WriteLine("| Variant | Requests/s (median) | min–max | vs JwtBearer alone |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, _) in variants)
        {
            var rates = results[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(rates):F0} | {rates.Min():F0}–{rates.Max():F0} | {Median(rates) / baseline:F2} |"));
        }

        foreach (var (_, app) in variants)
        {
            await app.DisposeAsync();
        }

        return 0;
    }

    internal static async Task<WebApplication> StartAsync(FleetTokens tokens, Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = tokens.ValidationParameters();
            });
        builder.Services.AddAuthorization();
        configure(builder.Services);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", () => "ok").RequireAuthorization();
        await app.StartAsync();
        return app;
    }

    /// <summary>Sends <paramref name="requests"/> GET /me from <paramref name="clients"/> concurrent clients; returns requests per second.</summary>
    private static async Task<double> RoundAsync(WebApplication app, string token, int requests, int clients)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var remaining = requests;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                using var response = await http.GetAsync(new Uri("/me", UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"GET /me answered {(int)response.StatusCode}.");
                }
            }
        })));
        return requests / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string? StringArgument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    internal static int IntArgument(string[] args, string name, int fallback) =>
        StringArgument(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
