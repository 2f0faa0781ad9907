using System.Net;

namespace AuthingClient;

/// <summary>The facts an <see cref="AuthingRevocationException"/> carries about Authing's side, gathered where they are known.</summary>
internal readonly record struct RevocationFailure(
    RevocationOutcome Outcome,
    HttpStatusCode? StatusCode,
    string? Error,
    string? ErrorDescription,
    string? ErrorUri,
    int Attempts,
    TimeSpan? RetryAfter = null);
