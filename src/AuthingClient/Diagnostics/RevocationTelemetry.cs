using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AuthingClient.Diagnostics;

/// <summary>
/// The names under which the client reports traces and metrics (documented in README.md).
/// Tags carry the token's fingerprint, never the token or the secret.
/// </summary>
public static class RevocationTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>: <c>AuthingClient</c>.</summary>
    public const string SourceName = "AuthingClient";

    /// <summary>The span of one revocation, retries included: <c>authing.revoke</c>.</summary>
    public const string RevocationActivityName = "authing.revoke";

    /// <summary>The span of one HTTP attempt: <c>authing.revoke.attempt</c>.</summary>
    public const string AttemptActivityName = "authing.revoke.attempt";

    /// <summary>Counter of finished revocations, tagged <c>outcome</c>: <c>authing.revocations</c>.</summary>
    public const string RevocationsCounterName = "authing.revocations";

    /// <summary>Histogram of revocation durations in seconds, tagged <c>outcome</c>: <c>authing.revocation.duration</c>.</summary>
    public const string DurationHistogramName = "authing.revocation.duration";

    internal static readonly ActivitySource ActivitySource = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    private static readonly Counter<long> Revocations = Meter.CreateCounter<long>(
        RevocationsCounterName, unit: "{revocation}", description: "Finished token revocations by outcome.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationHistogramName, unit: "s", description: "Duration of token revocations, retries included.");

    /// <summary>Whether anyone listens to the duration histogram: the clock is read only then.</summary>
    internal static bool MeasuresDuration => Duration.Enabled;

    internal static void Record(RevocationOutcome outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome.ToTagValue());
        Revocations.Add(1, tag);
        Duration.Record(elapsed.TotalSeconds, tag);
    }
}

/// <summary>How a revocation ended, as reported in logs, traces and metrics.</summary>
internal enum RevocationOutcome
{
    Revoked,
    NotRevoked,
    Refused,
    Timeout,
    TransportError,
    Canceled,
}

internal static class RevocationOutcomeNames
{
    public static string ToTagValue(this RevocationOutcome outcome) => outcome switch
    {
        RevocationOutcome.Revoked => "revoked",
        RevocationOutcome.NotRevoked => "not_revoked",
        RevocationOutcome.Refused => "refused",
        RevocationOutcome.Timeout => "timeout",
        RevocationOutcome.TransportError => "transport_error",
        _ => "canceled",
    };
}
