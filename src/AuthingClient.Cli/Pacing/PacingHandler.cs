using AuthingClient.Resilience;

namespace AuthingClient.Cli.Pacing;

/// <summary>
/// On the revocation client's HTTP pipeline, so that every answer — to the library's retries too —
/// tells the run's pace (<see cref="RunPace"/>) whether the server is throttling.
/// </summary>
internal sealed class PacingHandler(RunPace pace, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var retryAfter = RetryAfter.Read(response, time);
        if (RunPace.IsThrottling(response.StatusCode, retryAfter))
        {
            pace.Throttled(retryAfter);
        }
        else
        {
            pace.Accepted();
        }

        return response;
    }
}
