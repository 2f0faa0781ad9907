using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using AuthingClient.Contract;
using AuthingClient.Diagnostics;
using AuthingClient.Resilience;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Transport;

/// <summary>
/// One revocation from start to outcome: sends attempts until one is final (retrying transient
/// failures as <see cref="RevocationRetries"/> decides), turns the final answer or failure into the
/// public result, and reports it to logs, traces and metrics.
/// </summary>
internal sealed class RevocationCall
{
    private readonly IAuthingRevocationApi _api;
    private readonly RevocationSettings _settings;
    private readonly RevocationRequest _request;
    private readonly string _token;
    private readonly long _startedAt;
    private string? _fingerprint;
    private int _attempts;
    private HttpResponseMessage? _lastResponse;

    public RevocationCall(IAuthingRevocationApi api, RevocationSettings settings, string token, Contract.TokenTypeHint? hint)
    {
        _api = api;
        _settings = settings;
        _token = token;
        _request = settings.Credentials.CreateRequest(token, hint);
        _startedAt = settings.TimeProvider.GetTimestamp();
    }

    private string Fingerprint => _fingerprint ??= TokenFingerprint.Of(_token);

    private bool ServerResponded => _lastResponse is not null;

    /// <summary>How many attempts were sent (at least one once <see cref="RunAsync"/> ran).</summary>
    public int Attempts => Math.Max(_attempts, 1);

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var protocol = _settings.Protocol == AuthingProtocol.OAuth ? "oauth" : "oidc";
        // The fingerprint (a SHA-256) is computed for the span only when someone listens.
        using var activity = RevocationTelemetry.ActivitySource.HasListeners()
            ? RevocationTelemetry.StartRevocation(Fingerprint, protocol, _settings.ServerAddress, _settings.ClientName)
            : null;
        if (_settings.Logger.IsEnabled(LogLevel.Debug))
        {
            RevocationLog.Starting(_settings.Logger, Fingerprint, protocol);
        }

        try
        {
            var response = await SendWithRetriesAsync(cancellationToken).ConfigureAwait(false);
            using (response)
            {
                var revoked = await RevocationResponse
                    .InterpretAsync(response, new SecretRedactor(_token, _settings.Secret), _attempts, cancellationToken)
                    .ConfigureAwait(false);
                Finish(activity, revoked ? RevocationOutcome.Revoked : RevocationOutcome.NotRevoked, (int)response.StatusCode);
                return revoked;
            }
        }
        catch (AuthingRevocationException ex)
        {
            throw Fail(activity, ex);
        }
        catch (TimeoutException ex)
        {
            throw Fail(activity, NotConfirmed(RevocationOutcome.Timeout, "no answer came in time", ex));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A cancellation nobody asked for is a time-out somewhere below (e.g. HttpClient.Timeout).
            throw Fail(activity, NotConfirmed(RevocationOutcome.Timeout, "no answer came in time", ex));
        }
        catch (HttpRequestException ex)
        {
            throw Fail(activity, NotConfirmed(RevocationOutcome.TransportError, "the request could not be sent or its answer could not be read", ex));
        }
        catch (OperationCanceledException)
        {
            Finish(activity, RevocationOutcome.Canceled, statusCode: null);
            throw;
        }
    }

    /// <summary>
    /// Sends attempts until one is final, and returns its answer or throws its failure. Every
    /// attempt, the first included, goes through the same steps: send, ask the retries whether
    /// and how long to wait, wait.
    /// </summary>
    // Over a real connection every call waits in this method and in SendAttemptAsync: pooled
    // builders reuse their state machines instead of allocating one per call.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendWithRetriesAsync(CancellationToken cancellationToken)
    {
        var retries = _settings.Retries;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            Exception? failure = null;
            TimeSpan delay;
            try
            {
                response = await SendAttemptAsync(attempt, cancellationToken).ConfigureAwait(false);
                if (retries.DelayBeforeRetry(attempt, response, failure: null, _startedAt) is not { } wait)
                {
                    return response;
                }

                delay = wait;
            }
            catch (Exception ex) when (retries.DelayBeforeRetry(attempt, response: null, ex, _startedAt) is { } wait)
            {
                (failure, delay) = (ex, wait);
            }

            // The retried answer is never read: only its status is kept (_lastResponse) for the error.
            using (response)
            {
                if (delay >= retries.TimeLeft(_startedAt))
                {
                    // Waiting would only run into the overall time-out: end the call now.
                    throw new TimeoutException("The wait before the next attempt would end after the overall time-out.", failure);
                }

                ReportRetry(attempt, delay, response, failure);
            }

            await Task.Delay(delay, _settings.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ReportRetry(int failedAttempt, TimeSpan delay, HttpResponseMessage? response, Exception? failure)
    {
        var statusCode = (int?)response?.StatusCode;

        // The event belongs on this revocation's span: when nobody listens to it, the current span
        // is the application's, which is left alone (and no tags are built).
        if (Activity.Current is { IsAllDataRequested: true } span && span.Source == RevocationTelemetry.ActivitySource)
        {
            span.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
            {
                [RevocationTelemetry.AttemptTag] = failedAttempt,
                [RevocationTelemetry.StatusCodeTag] = statusCode,
                [RevocationTelemetry.RetryDelayTag] = delay.TotalMilliseconds,
            }));
        }

        if (_settings.Logger.IsEnabled(LogLevel.Warning))
        {
            RevocationLog.Retrying(_settings.Logger, failedAttempt, Fingerprint, statusCode, failure is TimeoutException, delay.TotalMilliseconds);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendAttemptAsync(int attempt, CancellationToken cancellationToken)
    {
        _attempts = attempt;

        // The overall time-out ends whatever attempt is running when it passes, and cannot be retried.
        // The first attempt starts as the call does: no need to read the clock for it.
        var attemptStartedAt = attempt == 1 ? _startedAt : _settings.TimeProvider.GetTimestamp();
        var timeLeft = _settings.Timeout - _settings.TimeProvider.GetElapsedTime(_startedAt, attemptStartedAt);
        var lastChance = timeLeft <= _settings.AttemptTimeout;
        var budget = lastChance ? timeLeft : _settings.AttemptTimeout;
        if (budget <= TimeSpan.Zero)
        {
            throw new TimeoutException("The overall time-out passed before the attempt could start.");
        }

        using var activity = RevocationTelemetry.ActivitySource.StartActivity(RevocationTelemetry.AttemptActivityName, ActivityKind.Internal);
        activity?.SetTag(RevocationTelemetry.AttemptTag, attempt);
        using var deadline = _settings.AttemptDeadlines.Start(cancellationToken);
        try
        {
            var sending = _settings.Protocol == AuthingProtocol.OAuth
                ? _api.RevokeOAuthTokenAsync(_request, deadline.Token)
                : _api.RevokeOidcTokenAsync(_request, _settings.Credentials.BasicAuthorization, deadline.Token);
            if (!sending.IsCompleted)
            {
                // Waiting for the network: only now can the budget run out. The time the send took
                // to get here still counts against it.
                deadline.Arm(budget, attemptStartedAt);
            }

            var response = await sending.ConfigureAwait(false);
            _lastResponse = response;
            activity?.SetTag(RevocationTelemetry.StatusCodeTag, (int)response.StatusCode);
            return response;
        }
        catch (OperationCanceledException ex) when (deadline.Expired)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Surface the caller's own token, as if it had been passed down unchanged.
                throw new OperationCanceledException(ex.Message, ex, cancellationToken);
            }

            throw lastChance
                ? new TimeoutException("The overall time-out passed during the attempt.", ex)
                : new TimeoutException("The attempt got no answer within the attempt time-out.", ex);
        }
    }

    private AuthingRevocationException NotConfirmed(RevocationOutcome outcome, string reason, Exception inner)
    {
        var status = ServerResponded ? _lastResponse!.StatusCode : (System.Net.HttpStatusCode?)null;
        var failure = new RevocationFailure(outcome, status, null, null, null, Attempts);
        var tries = _attempts > 1 ? $" after {_attempts} attempts" : string.Empty;
        var last = ServerResponded ? $"; the last answer was HTTP {(int)status!.Value}" : "; the server never answered";
        return new AuthingRevocationException($"Token revocation was not confirmed: {reason}{tries}{last}. The token may still be valid.", failure, inner);
    }

    private AuthingRevocationException Fail(Activity? activity, AuthingRevocationException exception)
    {
        var outcome = exception.Outcome;
        var elapsed = _settings.TimeProvider.GetElapsedTime(_startedAt);

        // error.type: the status Authing refused with (as OpenTelemetry's HTTP conventions do), or
        // what went wrong when no answer settles it; a handful of values either way.
        var errorType = outcome == RevocationOutcome.Refused && exception.StatusCode is { } status
            ? ((int)status).ToString(CultureInfo.InvariantCulture)
            : outcome.ToTagValue();
        activity?.SetStatus(ActivityStatusCode.Error, outcome.ToTagValue());
        activity?.SetTag(RevocationTelemetry.OutcomeTag, outcome.ToTagValue());
        activity?.SetTag(RevocationTelemetry.ErrorTypeTag, errorType);
        RevocationTelemetry.Record(outcome, errorType, _settings.ServerAddress, _settings.ClientName, elapsed);
        if (_settings.Logger.IsEnabled(LogLevel.Warning))
        {
            RevocationLog.Failed(_settings.Logger, Fingerprint, outcome.ToTagValue(), (int?)exception.StatusCode, exception.Error, exception.Attempts, elapsed.TotalMilliseconds);
        }

        return exception;
    }

    private void Finish(Activity? activity, RevocationOutcome outcome, int? statusCode)
    {
        activity?.SetTag(RevocationTelemetry.OutcomeTag, outcome.ToTagValue());
        var logged = _settings.Logger.IsEnabled(LogLevel.Information);

        // Reading the clock is a measurable part of a call that succeeds in memory; skip it when
        // neither the histogram nor the log wants the duration.
        var elapsed = logged || RevocationTelemetry.MeasuresDuration ? _settings.TimeProvider.GetElapsedTime(_startedAt) : TimeSpan.Zero;
        RevocationTelemetry.Record(outcome, errorType: null, _settings.ServerAddress, _settings.ClientName, elapsed);
        if (logged)
        {
            var (tokenHash, outcomeName, attempts) = (Fingerprint, outcome.ToTagValue(), Math.Max(_attempts, 1));
            RevocationLog.Finished(_settings.Logger, tokenHash, outcomeName, statusCode, attempts, elapsed.TotalMilliseconds);
        }
    }
}
