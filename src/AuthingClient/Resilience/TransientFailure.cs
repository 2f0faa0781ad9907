using System.Net;

namespace AuthingClient.Resilience;

/// <summary>Which outcomes of one attempt are worth another attempt.</summary>
internal static class TransientFailure
{
    /// <summary>Whether an attempt that ended with <paramref name="response"/> or <paramref name="failure"/> failed transiently.</summary>
    public static bool IsTransient(HttpResponseMessage? response, Exception? failure) => failure switch
    {
        // Connection refused or reset, a broken or truncated response.
        HttpRequestException => true,

        // The attempt's own time-out (RevocationCall raises it; the caller's cancellation is never retried).
        TimeoutException => true,
        null => IsTransient(response!.StatusCode),
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
