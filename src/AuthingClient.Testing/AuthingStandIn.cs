using AuthingClient.Testing.Hosting;
using AuthingClient.Testing.Revocation;

namespace AuthingClient.Testing;

/// <summary>
/// A local stand-in for Authing's token revocation endpoint, for tests and offline runs: a real
/// HTTP server on <c>127.0.0.1</c> (a free port) that checks requests the way Authing does and
/// records which tokens were revoked.
/// </summary>
/// <remarks>
/// <para>
/// Only the path of the configured <see cref="AuthingStandInOptions.Protocol"/> answers
/// (<c>POST /oidc/token/revocation</c> or <c>POST /oauth/token/revocation</c>); every other path
/// is 404 and other methods are 405. A request is checked in this order:
/// </para>
/// <list type="number">
/// <item>the body must be <c>application/x-www-form-urlencoded</c> (UTF-8), with no parameter
/// repeated, else 400 <c>invalid_request</c>;</item>
/// <item>client credentials in both the body and an <c>Authorization</c> header: 400 <c>invalid_request</c>;</item>
/// <item>client authentication as configured (<c>client_secret_post</c>: <c>client_id</c> and
/// <c>client_secret</c> in the body; <c>client_secret_basic</c>: a Basic header whose halves are
/// form-decoded, plus a matching <c>client_id</c> in the body; <c>none</c>: <c>client_id</c> only,
/// no secret anywhere; never Basic on the OAuth 2.0 path): on failure 401 <c>invalid_client</c>;</item>
/// <item><c>token</c> missing or empty: 400 <c>invalid_request</c>;</item>
/// <item><c>token_type_hint</c> other than <c>access_token</c> or <c>refresh_token</c>: 400
/// <c>unsupported_token_type</c> (stricter than RFC 7009 §2.1 requires, to catch client bugs);</item>
/// <item>otherwise 200 with an empty body, and the token is recorded as revoked.</item>
/// </list>
/// <para>
/// Error bodies are RFC 6749 §5.2 JSON (<c>application/json</c>) and never echo a token or a
/// secret. Nothing is logged. All members are thread-safe.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var authing = AuthingStandIn.Start();
/// using var client = new AuthenticationClient(authing.CreateClientOptions());
/// Assert.True(await client.RevokeTokenAsync("some-token"));
/// Assert.True(authing.IsRevoked("some-token"));
/// </code>
/// </example>
public sealed class AuthingStandIn : IDisposable
{
    private readonly AuthingStandInOptions _options;
    private readonly RevocationEndpoint _endpoint;
    private readonly KestrelHost _server;

    private AuthingStandIn(AuthingStandInOptions options)
    {
        _options = options;
        _endpoint = new RevocationEndpoint(options);
        _server = KestrelHost.Start(_endpoint);
        Url = _server.Url;
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:{port}/</c>; <see cref="CreateClientOptions"/> gives it as an <c>AppHost</c>.</summary>
    public Uri Url { get; }

    /// <summary>The server's base address as an <see cref="AuthenticationClientOptions.AppHost"/> value (no trailing slash).</summary>
    private string AppHost => Url.GetLeftPart(UriPartial.Authority);

    /// <summary>The tokens revoked so far, each once, in no particular order (a snapshot).</summary>
    public IReadOnlyCollection<string> RevokedTokens => _endpoint.RevokedTokens;

    /// <summary>How many HTTP requests arrived, whatever their path or outcome.</summary>
    public int RequestCount => _endpoint.RequestCount;

    /// <summary>Starts a stand-in on <c>127.0.0.1</c> with a free port.</summary>
    /// <param name="options">The application it knows; <see langword="null"/> for the defaults
    /// (<c>local-app-id</c>, <c>local-app-secret</c>, OIDC, <c>client_secret_post</c>). Later changes to the object do not affect the stand-in.</param>
    /// <returns>The running stand-in; dispose it to stop the server.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting, never the secret.</exception>
    public static AuthingStandIn Start(AuthingStandInOptions? options = null) =>
        new((options ?? new AuthingStandInOptions()).Validated());

    /// <summary>
    /// Options for an <see cref="AuthenticationClient"/> that talks to this stand-in with the
    /// right credentials. The secret is left out with <see cref="ClientAuthenticationMethod.None"/>.
    /// </summary>
    /// <returns>A new options object each call.</returns>
    public AuthenticationClientOptions CreateClientOptions() => new()
    {
        AppHost = AppHost,
        AppId = _options.AppId,
        AppSecret = _options.RevocationEndPointAuthMethod == ClientAuthenticationMethod.None ? null : _options.AppSecret,
        Protocol = _options.Protocol,
        RevocationEndPointAuthMethod = _options.RevocationEndPointAuthMethod,
    };

    /// <summary>Whether the token was revoked (compared exactly, case-sensitive).</summary>
    /// <param name="token">The token as the client gave it.</param>
    /// <returns><see langword="true"/> when a request revoked it.</returns>
    public bool IsRevoked(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _endpoint.IsRevoked(token);
    }

    /// <summary>
    /// Makes the next revocation request (a POST on the protocol's revocation path) get this answer
    /// instead of being processed. Faults queue up: each one answers one request, in order.
    /// </summary>
    /// <param name="fault">The answer to give.</param>
    public void EnqueueFault(StandInFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _endpoint.EnqueueFault(fault);
    }

    /// <summary>
    /// Holds revocation requests without an answer from now on, after letting the next
    /// <paramref name="after"/> through: to test what a client does with requests in flight (a
    /// kill, a cancellation, a time-out). A held request still counts in <see cref="RequestCount"/>.
    /// A hold already in place is released.
    /// </summary>
    /// <param name="after">How many requests to answer before holding; 0 holds the next one.</param>
    /// <returns>The hold: await <see cref="StandInHold.FirstHeld"/>, then <see cref="StandInHold.Release"/> it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative.</exception>
    public StandInHold HoldRequests(int after = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        return _endpoint.Hold(after);
    }

    /// <summary>Forgets revoked tokens, pending faults, a hold and the request count, for reuse across tests.</summary>
    public void Reset() => _endpoint.Reset();

    /// <summary>Stops the server. The records stay readable.</summary>
    public void Dispose() => _server.Dispose();

    /// <summary>Describes the stand-in without its secret.</summary>
    /// <returns>The address and settings.</returns>
    public override string ToString() => $"AuthingStandIn({AppHost}, {_options})";
}
