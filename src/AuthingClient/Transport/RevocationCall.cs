using System.Net;
using System.Runtime.CompilerServices;
using AuthingClient.Contract;
using AuthingClient.Diagnostics;
using AuthingClient.Resilience;

namespace AuthingClient.Transport;

/// <summary>
/// One revocation at Authing: sends attempts in one loop until one is final, and returns the
/// answer's result or throws its failure. What it asks of others, each in its own file: whether
/// and when to retry (<see cref="RevocationRetries"/>), how much time is left
/// (<see cref="TimeBudget"/>), what the answer means (<see cref="RevocationResponse"/>), what a
/// failure is called (<see cref="UnconfirmedRevocation"/>), and how it is reported (<see cref="RevocationReport"/>).
/// </summary>
internal sealed class RevocationCall
{
    private readonly RevocationServices _services;
    private readonly RevocationRequest _request;
    private readonly TimeBudget _budget;
    private RevocationReport _report;
    private int _attempts;
    private HttpStatusCode? _lastStatus;

    public RevocationCall(RevocationServices services, string token, TokenTypeHint? hint)
    {
        _services = services;
        _request = services.RequestBuilder.Build(token, hint);
        _budget = services.TimeLimits.Start();
    }

    /// <summary>How many attempts were sent (at least one once <see cref="RunAsync"/> ran).</summary>
    public int Attempts => Math.Max(_attempts, 1);

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        _report = _services.Reporter.Start(_request.Token, _budget.StartedAt);
        try
        {
            var response = await SendWithRetriesAsync(cancellationToken).ConfigureAwait(false);
            using (response)
            {
                var revoked = await RevocationResponse
                    .InterpretAsync(response, new SecretRedactor(_request.Token, _services.Secret), Attempts, _services.TimeProvider, cancellationToken)
                    .ConfigureAwait(false);
                _report.Answered(revoked ? RevocationOutcome.Revoked : RevocationOutcome.NotRevoked, response.StatusCode, Attempts);
                return revoked;
            }
        }
        catch (Exception ex) when (UnconfirmedRevocation.From(ex, Attempts, _lastStatus, cancellationToken) is { } failure)
        {
            throw _report.Failed(failure);
        }
        catch (OperationCanceledException)
        {
            _report.Canceled(Attempts);
            throw;
        }
        finally
        {
            _report.Dispose();
        }
    }

    /// <summary>
    /// Sends attempts until one is final, and returns its answer or throws its failure. Every
    /// attempt, the first included, goes through the same steps: send, ask the retries whether
    /// and how long to wait, wait, tell the caller's hook.
    /// </summary>
    // Over a real connection every call waits in this method and in SendAttemptAsync: pooled
    // builders reuse their state machines instead of allocating one per call.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendWithRetriesAsync(CancellationToken cancellationToken)
    {
        var retries = _services.Retries;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            Exception? failure = null;
            TimeSpan delay;
            try
            {
                response = await SendAttemptAsync(attempt, cancellationToken).ConfigureAwait(false);
                if (retries.DelayBeforeRetry(attempt, response, failure: null, _budget) is not { } wait)
                {
                    return response;
                }

                delay = wait;
            }
            catch (Exception ex) when (retries.DelayBeforeRetry(attempt, response: null, ex, _budget) is { } wait)
            {
                (failure, delay) = (ex, wait);
            }

            // The retried answer is never read: only its status is kept (_lastStatus) for the error.
            var retriedStatus = response?.StatusCode;
            using (response)
            {
                if (!_budget.Allows(delay))
                {
                    // Waiting would only run into the overall time-out: end the call now.
                    throw new TimeoutException("The wait before the next attempt would end after the overall time-out.", failure);
                }

                _report.Retrying(attempt, delay, retriedStatus, failure is TimeoutException);
            }

            await Task.Delay(delay, _services.TimeProvider, cancellationToken).ConfigureAwait(false);
            if (retries.OnRetry is { } onRetry)
            {
                await onRetry(new RevocationRetryArguments(attempt + 1, retriedStatus, delay, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendAttemptAsync(int attempt, CancellationToken cancellationToken)
    {
        _attempts = attempt;

        // The overall time-out ends whatever attempt is running when it passes, and cannot be retried.
        var budget = _budget.ForAttempt(attempt);
        if (budget.Length <= TimeSpan.Zero)
        {
            throw new TimeoutException("The overall time-out passed before the attempt could start.");
        }

        using var activity = RevocationTelemetry.StartAttempt(attempt);
        using var deadline = _services.AttemptDeadlines.Start(cancellationToken);
        try
        {
            var api = _services.Api;
            var sending = _services.Protocol == AuthingProtocol.OAuth
                ? api.RevokeOAuthTokenAsync(_request, deadline.Token)
                : api.RevokeOidcTokenAsync(_request, _services.RequestBuilder.BasicAuthorization, deadline.Token);
            if (!sending.IsCompleted)
            {
                // Waiting for the network: only now can the budget run out. The time the send took
                // to get here still counts against it.
                deadline.Arm(budget.Length, budget.StartedAt);
            }

            var response = await sending.ConfigureAwait(false);
            _lastStatus = response.StatusCode;
            RevocationTelemetry.Answered(activity, response.StatusCode);
            return response;
        }
        catch (OperationCanceledException ex) when (deadline.Expired)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Surface the caller's own token, as if it had been passed down unchanged.
                throw new OperationCanceledException(ex.Message, ex, cancellationToken);
            }

            throw budget.EndsWithTheRevocation
                ? new TimeoutException("The overall time-out passed during the attempt.", ex)
                : new TimeoutException("The attempt got no answer within the attempt time-out.", ex);
        }
    }
}
