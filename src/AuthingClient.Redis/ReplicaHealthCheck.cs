using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthingClient.Redis;

/// <summary>
/// Whether this instance can enforce revocations: Unhealthy until the replica has loaded every
/// live revocation (do not send it traffic yet), Degraded while it cannot reach Redis (it still
/// enforces what it knows, so a Redis outage must not make a load balancer pull every instance),
/// Healthy otherwise. It never calls Authing (that would spend its rate limit) and never waits for Redis.
/// </summary>
internal sealed class ReplicaHealthCheck : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "authing-revoked-tokens";

    private readonly RedisRevokedTokenRegistry _registry;

    public ReplicaHealthCheck(RedisRevokedTokenRegistry registry) => _registry = registry;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = _registry.Status;
        var data = new Dictionary<string, object>
        {
            ["loaded"] = status.IsLoaded,
            ["connected"] = status.IsConnected,
            ["lag_seconds"] = Math.Round(status.Lag.TotalSeconds, 3),
            ["entries"] = _registry.Count,
            ["outbox_pending"] = _registry.Outbox.Pending,
        };

        var result = (status.IsLoaded, status.IsConnected) switch
        {
            (false, _) => HealthCheckResult.Unhealthy("The revoked-token replica has not loaded from Redis yet.", data: data),
            (true, false) => HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"Redis unreachable for {status.Lag.TotalSeconds:F1} s; known revocations are still enforced."), data: data),
            _ => HealthCheckResult.Healthy("The revoked-token replica is loaded and connected.", data),
        };
        return Task.FromResult(result);
    }
}
