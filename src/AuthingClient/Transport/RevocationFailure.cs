using System.Net;

namespace AuthingClient;

/// <summary>The facts an <see cref="AuthingRevocationException"/> carries, gathered where they are known.</summary>
internal readonly record struct RevocationFailure(
    RevocationFailureKind Kind,
    HttpStatusCode? StatusCode,
    string? Error,
    string? ErrorDescription,
    string? ErrorUri,
    int Attempts,
    bool ServerResponded);
