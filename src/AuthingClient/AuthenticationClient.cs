using System.Diagnostics.CodeAnalysis;
using AuthingClient.Configuration;
using AuthingClient.Contract;
using AuthingClient.Propagation;
using AuthingClient.Revocation;
using AuthingClient.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Refit;

namespace AuthingClient;

/// <summary>
/// Revokes Authing access and refresh tokens (OAuth 2.0 token revocation, RFC 7009). Thread-safe;
/// create one per application and reuse it, or resolve it from dependency injection
/// (<c>services.AddAuthingAuthenticationClient(...)</c>).
/// </summary>
/// <remarks>
/// Revoking at Authing is not enough when tokens are also validated locally: every revocation also
/// marks the <see cref="RevokedTokenRegistry"/> (by default as soon as it is requested, whatever
/// Authing answers: see <see cref="RevokedTokenMarking"/>) and tells every
/// <see cref="IRevocationObserver"/>. With dependency injection the client marks the registered
/// registry (<c>AddAuthingRevocationCheck</c> or <c>AddAuthingRevokedTokenRegistry</c> registers
/// one); without, set <see cref="AuthenticationClientOptions.RevokedTokenRegistry"/> and
/// <see cref="AuthenticationClientOptions.RevocationObservers"/>.
/// </remarks>
public class AuthenticationClient : IDisposable
{
    private readonly RevocationServices _services = null!;
    private readonly LocalRevocationTargets _targets = LocalRevocationTargets.None;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>
    /// Creates a client. Without <paramref name="httpClient"/> it has its own connection pool, never
    /// follows redirects, and must be disposed when done with.
    /// </summary>
    /// <param name="options">The application's settings; validated here.</param>
    /// <param name="httpClient">
    /// The HTTP client to send through, owned by the caller and not changed: requests go to
    /// <see cref="AuthenticationClientOptions.AppHost"/> whatever its <see cref="HttpClient.BaseAddress"/>.
    /// Configure its handler not to follow redirects. <see langword="null"/> creates one owned by this client.
    /// </param>
    /// <param name="loggerFactory">Where log events go; <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for retry delays and time-outs (e.g. a fake clock in tests); <see langword="null"/> for the system clock.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad setting.</exception>
    public AuthenticationClient(AuthenticationClientOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ValidatedOptions.ThrowIfInvalid(AuthenticationClientOptionsValidator.Instance, options);
        _ownedHttpClient = httpClient is null
            ? AuthingHttp.CreateStandaloneClient(options)
            : AuthingHttp.OverCallerClient(httpClient, options);
        var api = RestService.ForGenerated<IAuthingRevocationApi>(_ownedHttpClient, AuthingHttp.CreateRefitSettings());
        _services = RevocationServices.FromValidated(api, options, clientName: null, loggerFactory, timeProvider);
        _targets = LocalRevocationTargets.From(options, observers: null, registry: null);
    }

    /// <summary>For mocking only: a client made this way cannot send requests.</summary>
    protected AuthenticationClient()
    {
    }

    internal AuthenticationClient(RevocationServices services, LocalRevocationTargets targets)
    {
        _services = services;
        _targets = targets;
    }

    /// <summary>
    /// Revokes an access token or a refresh token (RFC 7009 §2.1), the same call Authing's SDKs offer.
    /// </summary>
    /// <param name="token">The access token or refresh token to revoke.</param>
    /// <param name="cancellationToken">Cancels the call at once, with no further attempt.</param>
    /// <returns>
    /// <see langword="true"/> when Authing answered with success: the token is revoked, or was
    /// already invalid or unknown (RFC 7009 §2.2). <see langword="false"/> when Authing answered
    /// <c>unsupported_token_type</c>: it does not revoke that kind of token, which stays valid until it expires.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty, whitespace, too long, or contains control characters or a lone surrogate. Nothing was sent.</exception>
    /// <exception cref="AuthingRevocationException">Authing refused the request, or the revocation could not be confirmed (time-out, network failure, retries exhausted); or a revocation observer or the revoked-token registry failed, so a local cache may still accept the token (<see cref="AuthingRevocationException.ObserverFailures"/>; every other observer was still told). <see cref="AuthingRevocationException.Outcome"/> says what Authing made of the request.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled. No observer is told; a fail-closed mark already made stays.</exception>
    /// <remarks>Calls <see cref="RevokeTokenAsync(string, TokenTypeHint?, CancellationToken)"/> without a hint: that overload is the one to override or mock.</remarks>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The only optional parameter of both overloads is the trailing CancellationToken (the .NET convention); the hint is never optional, so no call is ambiguous.")]
    public Task<bool> RevokeTokenAsync(string token, CancellationToken cancellationToken = default) =>
        RevokeTokenAsync(token, tokenTypeHint: null, cancellationToken);

    /// <summary>
    /// Revokes an access token or a refresh token (RFC 7009 §2.1), telling the server what kind it is.
    /// </summary>
    /// <param name="token">The access token or refresh token to revoke.</param>
    /// <param name="tokenTypeHint">The kind of token, sent as <c>token_type_hint</c>; <see langword="null"/> sends no hint.</param>
    /// <param name="cancellationToken">Cancels the call at once, with no further attempt.</param>
    /// <returns>See <see cref="RevokeTokenAsync(string, CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty, whitespace, too long, or contains control characters or a lone surrogate. Nothing was sent.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokenTypeHint"/> is not a defined value. Nothing was sent.</exception>
    /// <exception cref="AuthingRevocationException">Authing refused the request, or the revocation could not be confirmed (time-out, network failure, retries exhausted); or a revocation observer or the revoked-token registry failed, so a local cache may still accept the token (<see cref="AuthingRevocationException.ObserverFailures"/>; every other observer was still told). <see cref="AuthingRevocationException.Outcome"/> says what Authing made of the request.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled. No observer is told; a fail-closed mark already made stays.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The only optional parameter of both overloads is the trailing CancellationToken (the .NET convention); the hint is never optional, so no call is ambiguous.")]
    public virtual Task<bool> RevokeTokenAsync(string token, TokenTypeHint? tokenTypeHint, CancellationToken cancellationToken = default)
    {
        TokenArgument.Validate(token, nameof(token));
        TokenArgument.ValidateHint(tokenTypeHint, nameof(tokenTypeHint));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        return RevocationPropagation.RunAsync(_services, _targets, token, tokenTypeHint, cancellationToken);
    }

    /// <summary>Releases the connection pool when this client created it; a caller's <see cref="HttpClient"/> is left open.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection pool when this client created it.</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }
}
