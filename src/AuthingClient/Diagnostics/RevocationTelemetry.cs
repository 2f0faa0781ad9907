using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

namespace AuthingClient.Diagnostics;

/// <summary>
/// The names under which the client reports traces and metrics, in one place for the library and
/// its OpenTelemetry registration (package AuthingClient.OpenTelemetry); users read them in README.md. Attributes follow the OpenTelemetry
/// semantic conventions where one exists (<c>server.address</c>, <c>http.response.status_code</c>,
/// <c>error.type</c>) and are <c>authing.*</c> otherwise. Tags carry the token's fingerprint and the
/// client's name, never the token or the secret.
/// </summary>
internal static class RevocationTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>: <c>AuthingClient</c>.</summary>
    internal const string SourceName = "AuthingClient";

    /// <summary>The span of one revocation, retries included: <c>authing.revoke</c>.</summary>
    internal const string RevocationActivityName = "authing.revoke";

    /// <summary>The span of one HTTP attempt: <c>authing.revoke.attempt</c>.</summary>
    internal const string AttemptActivityName = "authing.revoke.attempt";

    /// <summary>Counter of finished revocations, tagged <c>authing.outcome</c>: <c>authing.revocations</c>.</summary>
    internal const string RevocationsCounterName = "authing.revocations";

    /// <summary>Histogram of revocation durations in seconds, tagged <c>authing.outcome</c>: <c>authing.revocation.duration</c>.</summary>
    internal const string DurationHistogramName = "authing.revocation.duration";

    internal const string TokenHashTag = "authing.token.hash";
    internal const string ProtocolTag = "authing.protocol";
    internal const string ClientNameTag = "authing.client.name";
    internal const string OutcomeTag = "authing.outcome";
    internal const string AttemptTag = "authing.attempt";
    internal const string RetryDelayTag = "authing.retry.delay_ms";
    internal const string ServerAddressTag = "server.address";
    internal const string StatusCodeTag = "http.response.status_code";
    internal const string ErrorTypeTag = "error.type";

    internal static readonly ActivitySource ActivitySource = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    private static readonly Counter<long> Revocations = Meter.CreateCounter<long>(
        RevocationsCounterName, unit: "{revocation}", description: "Finished token revocations by outcome.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationHistogramName, unit: "s", description: "Duration of token revocations, retries included.");

    /// <summary>Whether anyone listens to the duration histogram: the clock is read only then.</summary>
    internal static bool MeasuresDuration => Duration.Enabled;

    /// <summary>Starts the span of one revocation, tagged with what identifies the token and the client.</summary>
    internal static Activity? StartRevocation(string tokenHash, string protocol, string serverAddress, string? clientName)
    {
        var activity = ActivitySource.StartActivity(RevocationActivityName, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(TokenHashTag, tokenHash);
            activity.SetTag(ProtocolTag, protocol);
            activity.SetTag(ServerAddressTag, serverAddress);
            if (clientName is not null)
            {
                activity.SetTag(ClientNameTag, clientName);
            }
        }

        return activity;
    }

    /// <summary>Starts the span of one HTTP attempt, when someone listens.</summary>
    internal static Activity? StartAttempt(int attempt)
    {
        var activity = ActivitySource.StartActivity(AttemptActivityName, ActivityKind.Internal);
        activity?.SetTag(AttemptTag, attempt);
        return activity;
    }

    /// <summary>Tags an attempt's span with the status of its answer.</summary>
    internal static void Answered(Activity? attempt, HttpStatusCode statusCode) => attempt?.SetTag(StatusCodeTag, (int)statusCode);

    /// <summary>Counts a finished revocation and records its duration.</summary>
    /// <param name="outcome">How it ended.</param>
    /// <param name="errorType">Why it failed (<c>error.type</c>); <see langword="null"/> when it did not.</param>
    /// <param name="serverAddress">The host of AppHost.</param>
    /// <param name="clientName">The keyed client's name; <see langword="null"/> for the unnamed client.</param>
    /// <param name="elapsed">How long it took.</param>
    internal static void Record(RevocationOutcome outcome, string? errorType, string serverAddress, string? clientName, TimeSpan elapsed)
    {
        if (!Revocations.Enabled && !Duration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { OutcomeTag, outcome.ToTagValue() },
            { ServerAddressTag, serverAddress },
        };
        if (clientName is not null)
        {
            tags.Add(ClientNameTag, clientName);
        }

        if (errorType is not null)
        {
            tags.Add(ErrorTypeTag, errorType);
        }

        Revocations.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
    }
}
