using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Diagnostics;

/// <summary>
/// Where one client reports its revocations, and under which names: its logger, and the protocol,
/// server and client name its spans and metrics carry. Built once per client; each revocation gets
/// its own <see cref="RevocationReport"/> from <see cref="Start"/>.
/// </summary>
internal sealed class RevocationReporter
{
    public RevocationReporter(ILogger logger, TimeProvider timeProvider, string protocol, string serverAddress, string? clientName)
    {
        Logger = logger;
        TimeProvider = timeProvider;
        Protocol = protocol;
        ServerAddress = serverAddress;
        ClientName = clientName;
    }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The protocol's name in spans and logs: <c>oidc</c> or <c>oauth</c>.</summary>
    public string Protocol { get; }

    /// <summary>The host of AppHost, reported as <c>server.address</c>.</summary>
    public string ServerAddress { get; }

    /// <summary>The name of a keyed client (dependency injection); <see langword="null"/> for the unnamed one.</summary>
    public string? ClientName { get; }

    /// <summary>Starts the report of one revocation: its span, when someone listens, and its first log event.</summary>
    /// <param name="token">The token, named in reports by its fingerprint only.</param>
    /// <param name="startedAt">When the revocation started, a timestamp of <see cref="TimeProvider"/>.</param>
    public RevocationReport Start(string token, long startedAt)
    {
        var report = new RevocationReport(this, token, startedAt);
        report.Begin();
        return report;
    }
}

/// <summary>
/// The span, log events and metrics of one revocation. Nothing is computed for a reader that is
/// not there: no span, no fingerprint (a SHA-256), no tags and no clock reading unless a listener
/// or an enabled logger wants them.
/// </summary>
/// <remarks>A mutable struct held in the revocation's own field, so reporting allocates nothing of its own.</remarks>
internal struct RevocationReport : IDisposable
{
    private readonly RevocationReporter _reporter;
    private readonly string _token;
    private readonly long _startedAt;
    private string? _fingerprint;
    private Activity? _activity;

    internal RevocationReport(RevocationReporter reporter, string token, long startedAt)
    {
        _reporter = reporter;
        _token = token;
        _startedAt = startedAt;
    }

    private string Fingerprint => _fingerprint ??= TokenFingerprint.Of(_token);

    /// <summary>An attempt failed transiently and another follows after <paramref name="delay"/>.</summary>
    /// <param name="failedAttempt">The attempt that failed (1-based).</param>
    /// <param name="delay">The wait before the next attempt.</param>
    /// <param name="statusCode">The failed attempt's answer, if it got one.</param>
    /// <param name="timedOut">Whether the failed attempt ran out of time.</param>
    public void Retrying(int failedAttempt, TimeSpan delay, HttpStatusCode? statusCode, bool timedOut)
    {
        // The event belongs on this revocation's span: when nobody listens to it, the current span
        // is the application's, which is left alone (and no tags are built).
        if (_activity is { IsAllDataRequested: true } span)
        {
            span.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
            {
                [RevocationTelemetry.AttemptTag] = failedAttempt,
                [RevocationTelemetry.StatusCodeTag] = (int?)statusCode,
                [RevocationTelemetry.RetryDelayTag] = delay.TotalMilliseconds,
            }));
        }

        var logger = _reporter.Logger;
        if (logger.IsEnabled(LogLevel.Warning))
        {
            RevocationLogEvents.Retrying(logger, failedAttempt, Fingerprint, (int?)statusCode, timedOut, delay.TotalMilliseconds);
        }
    }

    /// <summary>Authing answered: <paramref name="outcome"/> is revoked or not revoked.</summary>
    public void Answered(RevocationOutcome outcome, HttpStatusCode statusCode, int attempts) => Finish(outcome, (int)statusCode, attempts);

    /// <summary>The caller cancelled the revocation.</summary>
    public void Canceled(int attempts) => Finish(RevocationOutcome.Canceled, statusCode: null, attempts);

    /// <summary>Reports the revocation's failure, and returns it for the caller to throw.</summary>
    public AuthingRevocationException Failed(AuthingRevocationException exception)
    {
        var outcome = exception.Outcome;
        var elapsed = _reporter.TimeProvider.GetElapsedTime(_startedAt);

        // error.type: the status Authing refused with (as OpenTelemetry's HTTP conventions do), or
        // what went wrong when no answer settles it; a handful of values either way.
        var errorType = outcome == RevocationOutcome.Refused && exception.StatusCode is { } status
            ? ((int)status).ToString(CultureInfo.InvariantCulture)
            : outcome.ToTagValue();
        _activity?.SetStatus(ActivityStatusCode.Error, outcome.ToTagValue());
        _activity?.SetTag(RevocationTelemetry.OutcomeTag, outcome.ToTagValue());
        _activity?.SetTag(RevocationTelemetry.ErrorTypeTag, errorType);
        RevocationTelemetry.Record(outcome, errorType, _reporter.ServerAddress, _reporter.ClientName, elapsed);
        var logger = _reporter.Logger;
        if (logger.IsEnabled(LogLevel.Warning))
        {
            RevocationLogEvents.Failed(logger, Fingerprint, outcome.ToTagValue(), (int?)exception.StatusCode, exception.Error, exception.Attempts, elapsed.TotalMilliseconds);
        }

        return exception;
    }

    /// <summary>Ends the revocation's span.</summary>
    public readonly void Dispose() => _activity?.Dispose();

    internal void Begin()
    {
        // The fingerprint (a SHA-256) is computed for the span only when someone listens.
        if (RevocationTelemetry.ActivitySource.HasListeners())
        {
            _activity = RevocationTelemetry.StartRevocation(Fingerprint, _reporter.Protocol, _reporter.ServerAddress, _reporter.ClientName);
        }

        var logger = _reporter.Logger;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            RevocationLogEvents.Starting(logger, Fingerprint, _reporter.Protocol);
        }
    }

    private void Finish(RevocationOutcome outcome, int? statusCode, int attempts)
    {
        _activity?.SetTag(RevocationTelemetry.OutcomeTag, outcome.ToTagValue());
        var logger = _reporter.Logger;
        var logged = logger.IsEnabled(LogLevel.Information);

        // Reading the clock is a measurable part of a call that succeeds in memory; skip it when
        // neither the histogram nor the log wants the duration.
        var elapsed = logged || RevocationTelemetry.MeasuresDuration ? _reporter.TimeProvider.GetElapsedTime(_startedAt) : TimeSpan.Zero;
        RevocationTelemetry.Record(outcome, errorType: null, _reporter.ServerAddress, _reporter.ClientName, elapsed);
        if (logged)
        {
            var (tokenHash, outcomeName) = (Fingerprint, outcome.ToTagValue());
            RevocationLogEvents.Finished(logger, tokenHash, outcomeName, statusCode, attempts, elapsed.TotalMilliseconds);
        }
    }
}
