using System.Net;

namespace AuthingClient;

/// <summary>What <see cref="RevocationRetryOptions.OnRetry"/> is told about the retry about to be sent.</summary>
public sealed class RevocationRetryArguments
{
    /// <summary>Creates the arguments (a hook's own tests can make them too).</summary>
    /// <param name="attemptNumber">The number of the attempt about to be sent: 2 for the first retry.</param>
    /// <param name="statusCode">The status of the answer being retried; <see langword="null"/> when the previous attempt got none.</param>
    /// <param name="delay">The wait before this retry, which is over.</param>
    /// <param name="cancellationToken">The caller's cancellation token.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attemptNumber"/> is less than 2, or <paramref name="delay"/> is negative.</exception>
    public RevocationRetryArguments(int attemptNumber, HttpStatusCode? statusCode, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptNumber, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        AttemptNumber = attemptNumber;
        StatusCode = statusCode;
        Delay = delay;
        CancellationToken = cancellationToken;
    }

    /// <summary>The number of the attempt about to be sent: 2 for the first retry.</summary>
    public int AttemptNumber { get; }

    /// <summary>
    /// The HTTP status of the answer being retried (408, 429, 500, 502, 503 or 504), or
    /// <see langword="null"/> when the previous attempt got no answer (a time-out, a connection failure).
    /// </summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The wait before this retry (the back-off, or the server's <c>Retry-After</c>), which is over.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The caller's cancellation token.</summary>
    public CancellationToken CancellationToken { get; }
}
