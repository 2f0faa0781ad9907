using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace AuthingClient.Testing.Revocation;

/// <summary>
/// The token revocation endpoint (RFC 7009) as Authing implements it, with the state a test wants
/// to inspect: which tokens were revoked and how many requests came. Thread-safe: the HTTP server
/// may call <see cref="Handle"/> concurrently.
/// </summary>
internal sealed class RevocationEndpoint
{
    private const string FormContentType = "application/x-www-form-urlencoded";
    private const string TokenField = "token";
    private const string TokenTypeHintField = "token_type_hint";

    private readonly ClientAuthenticator _authenticator;
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StandInFault> _faults = new();
    private StandInHold? _hold;
    private int _requestCount;

    public RevocationEndpoint(AuthingStandInOptions app)
    {
        Path = PathOf(app.Protocol);
        _authenticator = new ClientAuthenticator(app);
    }

    /// <summary>The one path that answers: that of the application's protocol.</summary>
    public string Path { get; }

    public int RequestCount => Volatile.Read(ref _requestCount);

    public IReadOnlyCollection<string> RevokedTokens => _revoked.Keys.ToArray();

    public static string PathOf(AuthingProtocol protocol) =>
        protocol == AuthingProtocol.OAuth ? "/oauth/token/revocation" : "/oidc/token/revocation";

    public bool IsRevoked(string token) => _revoked.ContainsKey(token);

    public void EnqueueFault(StandInFault fault) => _faults.Enqueue(fault);

    /// <summary>Holds requests from now on (after the first <paramref name="after"/>); a hold already there is released.</summary>
    public StandInHold Hold(int after)
    {
        var hold = new StandInHold(after);
        Interlocked.Exchange(ref _hold, hold)?.Release();
        return hold;
    }

    public void Reset()
    {
        _revoked.Clear();
        _faults.Clear();
        Interlocked.Exchange(ref _hold, null)?.Release();
        Interlocked.Exchange(ref _requestCount, 0);
    }

    /// <summary>Counts the request as it arrives, holds it while a hold says so, then answers it.</summary>
    public async ValueTask<EndpointResponse> HandleAsync(EndpointRequest request, CancellationToken requestAborted)
    {
        Interlocked.Increment(ref _requestCount);
        if (Volatile.Read(ref _hold) is { } hold)
        {
            await hold.WaitAsync(requestAborted).ConfigureAwait(false);
        }

        return Handle(request);
    }

    private EndpointResponse Handle(EndpointRequest request)
    {
        if (!string.Equals(request.Path, Path, StringComparison.Ordinal))
        {
            return EndpointResponse.Status(HttpStatusCode.NotFound);
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return EndpointResponse.OAuthError(
                HttpStatusCode.MethodNotAllowed,
                OAuthErrorCodes.InvalidRequest,
                "Token revocation requires POST (RFC 7009 §2.1).",
                new Dictionary<string, string> { ["Allow"] = "POST" });
        }

        // Injected faults stand for trouble in front of the endpoint: nothing is processed.
        if (_faults.TryDequeue(out var fault))
        {
            return EndpointResponse.FromFault(fault);
        }

        if (!IsUtf8Form(request.Header("Content-Type")))
        {
            return EndpointResponse.InvalidRequest($"The body must be {FormContentType} (RFC 7009 §2.1).");
        }

        if (!FormBody.TryParse(request.Body.Span, out var form, out var problem))
        {
            return EndpointResponse.InvalidRequest(problem);
        }

        // RFC 7009 §2.1: the client is authenticated first, then the request is read.
        if (_authenticator.Authenticate(request.Header("Authorization"), form) is { } refusal)
        {
            return refusal;
        }

        if (form[TokenField] is not { Length: > 0 } token)
        {
            return EndpointResponse.InvalidRequest("The token parameter is required.");
        }

        // RFC 7009 §2.1 lets a server ignore a hint it does not understand. The stand-in is strict
        // instead: an unknown or empty hint is almost always a client bug (e.g. sending the .NET
        // enum name "AccessToken"), and a test should see it. Absent is fine.
        if (form[TokenTypeHintField] is { } hint && hint is not ("access_token" or "refresh_token"))
        {
            return EndpointResponse.OAuthError(
                HttpStatusCode.BadRequest,
                OAuthErrorCodes.UnsupportedTokenType,
                "token_type_hint must be access_token or refresh_token.");
        }

        _revoked.TryAdd(token, 0);
        return EndpointResponse.Revoked();
    }

    private static bool IsUtf8Form(IReadOnlyList<string> contentType)
    {
        if (contentType.Count != 1 || !MediaTypeHeaderValue.TryParse(contentType[0], out var mediaType))
        {
            return false;
        }

        return string.Equals(mediaType.MediaType, FormContentType, StringComparison.OrdinalIgnoreCase)
            && (mediaType.CharSet is null
                || string.Equals(mediaType.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));
    }
}
