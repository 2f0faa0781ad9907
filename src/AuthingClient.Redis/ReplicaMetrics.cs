using System.Diagnostics.Metrics;
using AuthingClient.Diagnostics;

namespace AuthingClient.Redis;

/// <summary>The replica's gauges, on the library's meter (<see cref="RevocationTelemetry.SourceName"/>).</summary>
internal static class ReplicaMetrics
{
    public const string LagGaugeName = "authing.revoked_tokens.replica.lag";
    public const string ConnectedGaugeName = "authing.revoked_tokens.replica.connected";
    public const string EntriesGaugeName = "authing.revoked_tokens.replica.entries";
    public const string PendingGaugeName = "authing.revoked_tokens.outbox.pending";

    /// <summary>Creates the gauges for <paramref name="registry"/>; disposing the meter removes them.</summary>
    public static Meter Create(RedisRevokedTokenRegistry registry)
    {
        var meter = new Meter(RevocationTelemetry.SourceName);
        meter.CreateObservableGauge(LagGaugeName, () => registry.Status.Lag.TotalSeconds, unit: "s",
            description: "Time since the revoked-token replica last read Redis.");
        meter.CreateObservableGauge(ConnectedGaugeName, () => registry.Status.IsConnected ? 1 : 0,
            description: "1 while the revoked-token replica reaches Redis, 0 otherwise.");
        meter.CreateObservableGauge(EntriesGaugeName, () => registry.Count, unit: "{revocation}",
            description: "Revocations held by the replica.");
        meter.CreateObservableGauge(PendingGaugeName, () => registry.Outbox.Pending, unit: "{revocation}",
            description: "Revocations made here and not yet published to Redis.");
        return meter;
    }
}
