using System.Net;

namespace AuthingClient.Cli.Pacing;

/// <summary>
/// On the revocation client's HTTP pipeline, so that every attempt — the library's retries
/// included — keeps the run's pace (<see cref="RunPace"/>) and tells it how the server answered.
/// </summary>
internal sealed class PacingHandler(RunPace pace, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The first attempt of a revocation took its turn before the library's attempt time-out
        // started (PacedRevocation); the library's retries take theirs here.
        if (!PacedRevocation.TakePrepaidTurn())
        {
            await pace.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var throttled = IsThrottled(response, out var retryAfter);
        PacedRevocation.MarkAnswer(throttled);
        if (throttled)
        {
            pace.Throttled(retryAfter);
        }
        else
        {
            pace.Accepted();
        }

        return response;
    }

    /// <summary>429, or 503 with <c>Retry-After</c> (RFC 9110 §15.6.4): the server asks to slow down. A 503 without it is an outage, not a pace.</summary>
    private bool IsThrottled(HttpResponseMessage response, out TimeSpan? retryAfter)
    {
        var header = response.Headers.RetryAfter;
        retryAfter = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return response.StatusCode == HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.ServiceUnavailable && header is not null);
    }
}
