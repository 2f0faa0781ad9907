using System.Globalization;
using System.Net;

namespace AuthingClient.Testing;

/// <summary>
/// An answer the stand-in gives instead of processing a request, to test how a client copes with
/// an unhealthy Authing (RFC 7009 §2.2.1: 503 with <c>Retry-After</c>, other 5xx, 429…). Queue it
/// with <see cref="AuthingStandIn.EnqueueFault(StandInFault)"/>. A faulted request never revokes
/// its token.
/// </summary>
public sealed class StandInFault
{
    /// <summary>Creates a fault answering with the given HTTP status.</summary>
    /// <param name="statusCode">The status to answer with, 100–599.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not an HTTP status.</exception>
    public StandInFault(HttpStatusCode statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan((int)statusCode, 100, nameof(statusCode));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)statusCode, 599, nameof(statusCode));
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The OAuth <c>error</c> code of a JSON body (RFC 6749 §5.2); <see langword="null"/> sends an
    /// empty body.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>The OAuth <c>error_description</c>; only sent with <see cref="Error"/>.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>
    /// The <c>Retry-After</c> header in whole seconds (RFC 9110 §10.2.3); <see langword="null"/> sends none.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A 503 Service Unavailable with the given <c>Retry-After</c>, as Authing answers when overloaded.</summary>
    /// <param name="retryAfter">The wait to ask for, or <see langword="null"/> for no header.</param>
    /// <returns>The fault.</returns>
    public static StandInFault ServiceUnavailable(TimeSpan? retryAfter = null) =>
        new(HttpStatusCode.ServiceUnavailable) { RetryAfter = retryAfter };

    internal string? RetryAfterHeader =>
        RetryAfter is { } delay
            ? ((long)Math.Ceiling(Math.Max(0, delay.TotalSeconds))).ToString(CultureInfo.InvariantCulture)
            : null;
}
