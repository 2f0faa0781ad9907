using System.Net;
using AuthingClient.Redis;
using AuthingClient.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Redis.Tests.Support;

/// <summary>
/// One instance of a service farm: a real <see cref="ProtectedApi"/> (Kestrel, JwtBearer validating
/// ES256 tokens, the revocation check) whose registry is replicated through a real Redis server,
/// with its own <see cref="AuthenticationClient"/> against the Authing stand-in.
/// </summary>
internal sealed class FleetInstance : IAsyncDisposable
{
    /// <summary>How long a test waits for something that should happen, before it fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private FleetInstance(ProtectedApi api, CapturedLog log)
    {
        Api = api;
        Log = log;
    }

    public ProtectedApi Api { get; }

    /// <summary>What this instance logged (the library's categories, Information and above).</summary>
    public CapturedLog Log { get; }

    internal RedisRevokedTokenRegistry Registry => Api.Services.GetRequiredService<RedisRevokedTokenRegistry>();

    public static async Task<FleetInstance> StartAsync(string redis, AuthingServer authing, EcdsaTokens tokens, Action<RedisRevokedTokenRegistryOptions>? configure = null)
    {
        var log = new CapturedLog();
        return new(
            await ProtectedApi.StartAsync(
            services =>
            {
                services.AddLogging(logging => logging.AddProvider(log));
                services.AddAuthingAuthenticationClient(o => authing.Configure(o));
                services.AddAuthingRedisRevokedTokenRegistry(o =>
                {
                    o.Redis = redis;
                    o.KeyPrefix = "fleet-tests";
                    o.LoadTimeout = TimeSpan.FromSeconds(10);
                    configure?.Invoke(o);
                });
            },
            jwtBearer => jwtBearer.TokenValidationParameters = tokens.ValidationParameters()),
            log);
    }

    public Task<bool> RevokeAsync(string token) => Api.AuthingClient().RevokeTokenAsync(token);

    public Task<HttpStatusCode> GetMeAsync(string token) => Api.GetMeAsync(token);

    public async Task<HealthStatus> HealthAsync() =>
        (await Api.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status;

    /// <summary>
    /// Asks until <paramref name="token"/> gets <paramref name="expected"/> (a revocation made elsewhere
    /// arrives asynchronously), within <see cref="Patience"/>; returns the last answer.
    /// </summary>
    public Task<HttpStatusCode> EventuallyAsync(string token, HttpStatusCode expected) =>
        Eventually.Async(() => GetMeAsync(token), status => status == expected);

    /// <summary>Waits until every mark this instance made has been confirmed by Redis.</summary>
    public Task<int> PublishedAsync() => Eventually.Async(() => Task.FromResult(Registry.Outbox.Pending), pending => pending == 0);

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>Asks again until an answer is the expected one: for effects that arrive asynchronously, bounded by <see cref="FleetInstance.Patience"/>.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    public static async Task<T> Async<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + FleetInstance.Patience;
        while (true)
        {
            var answer = await ask();
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            // Not a timing assertion: a bounded wait for an effect that is on its way.
            await Task.Delay(Pause);
        }
    }
}
