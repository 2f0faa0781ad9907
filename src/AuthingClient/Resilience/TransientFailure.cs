using System.Net;
using Polly;
using Polly.Timeout;

namespace AuthingClient.Resilience;

/// <summary>Which outcomes of one attempt are worth another attempt.</summary>
internal static class TransientFailure
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        // Connection refused or reset, a broken or truncated response.
        HttpRequestException => true,

        // The attempt's own time-out (not the caller's cancellation, which Polly never retries).
        TimeoutRejectedException => true,
        null => IsTransient(outcome.Result!.StatusCode),
        _ => false,
    };

    // RFC 7009 §2.2.1 names 503; the rest are the usual "try again later" answers. Every other 4xx
    // is an answer about this request, and retrying it cannot change the answer.
    private static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;
}
