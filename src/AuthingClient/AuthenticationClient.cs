using AuthingClient.Configuration;
using AuthingClient.Contract;
using AuthingClient.Transport;
using Microsoft.Extensions.Options;
using Refit;

namespace AuthingClient;

/// <summary>
/// Revokes Authing access and refresh tokens (OAuth 2.0 token revocation, RFC 7009). Thread-safe;
/// create one per application and reuse it, or resolve it from dependency injection
/// (<c>services.AddAuthingAuthenticationClient(...)</c>).
/// </summary>
public class AuthenticationClient : IDisposable
{
    private readonly IAuthingRevocationApi _api = null!;
    private readonly ClientCredentials _credentials = null!;
    private readonly AuthingProtocol _protocol;
    private readonly string? _secret;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>
    /// Creates a client with its own connection pool. Redirects are never followed. Dispose the
    /// client when done with it.
    /// </summary>
    /// <param name="options">The application's settings; validated here.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad setting.</exception>
    public AuthenticationClient(AuthenticationClientOptions options)
        : this(Validated(options), AuthingHttp.CreateStandaloneClient(options), ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client that sends through the given <see cref="HttpClient"/>, which the caller
    /// owns. If it has no <see cref="HttpClient.BaseAddress"/>, <see cref="AuthenticationClientOptions.AppHost"/> is used;
    /// configure its handler not to follow redirects.
    /// </summary>
    /// <param name="options">The application's settings; validated here.</param>
    /// <param name="httpClient">The HTTP client to send through.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad setting.</exception>
    public AuthenticationClient(AuthenticationClientOptions options, HttpClient httpClient)
        : this(Validated(options), AuthingHttp.WithBaseAddress(httpClient, options), ownsHttpClient: false)
    {
    }

    /// <summary>For mocking only: a client made this way cannot send requests.</summary>
    protected AuthenticationClient()
    {
    }

    internal AuthenticationClient(AuthenticationClientOptions options, IAuthingRevocationApi api, HttpClient? ownedHttpClient)
    {
        _api = api;
        _credentials = ClientCredentials.From(options);
        _protocol = options.Protocol;
        _secret = options.AppSecret;
        _ownedHttpClient = ownedHttpClient;
    }

    private AuthenticationClient(AuthenticationClientOptions options, HttpClient httpClient, bool ownsHttpClient)
        : this(options, RestService.ForGenerated<IAuthingRevocationApi>(httpClient), ownsHttpClient ? httpClient : null)
    {
    }

    /// <summary>
    /// Revokes an access token or a refresh token (RFC 7009 §2.1), the same call Authing's SDKs offer.
    /// </summary>
    /// <param name="token">The access token or refresh token to revoke.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see langword="true"/> when Authing answered with success: the token is revoked, or was
    /// already invalid or unknown (RFC 7009 §2.2). <see langword="false"/> when Authing answered
    /// <c>unsupported_token_type</c>: it does not revoke that kind of token, which stays valid until it expires.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty, whitespace, too long, or contains control characters or a lone surrogate. Nothing was sent.</exception>
    /// <exception cref="AuthingRevocationException">Authing refused the request or the revocation could not be confirmed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<bool> RevokeTokenAsync(string token, CancellationToken cancellationToken = default) =>
        RevokeTokenAsync(token, tokenTypeHint: null, cancellationToken);

    /// <summary>
    /// Revokes an access token or a refresh token (RFC 7009 §2.1), telling the server what kind it is.
    /// </summary>
    /// <param name="token">The access token or refresh token to revoke.</param>
    /// <param name="tokenTypeHint">The kind of token, sent as <c>token_type_hint</c>; <see langword="null"/> sends no hint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>See <see cref="RevokeTokenAsync(string, CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty, whitespace, too long, or contains control characters or a lone surrogate. Nothing was sent.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokenTypeHint"/> is not a defined value. Nothing was sent.</exception>
    /// <exception cref="AuthingRevocationException">Authing refused the request or the revocation could not be confirmed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<bool> RevokeTokenAsync(string token, TokenTypeHint? tokenTypeHint, CancellationToken cancellationToken = default)
    {
        TokenArgument.Validate(token, nameof(token));
        var hint = TokenArgument.ToContract(tokenTypeHint, nameof(tokenTypeHint));
        var request = _credentials.CreateRequest(token, hint);

        using var response = _protocol == AuthingProtocol.OAuth
            ? await _api.RevokeOAuthTokenAsync(request, cancellationToken).ConfigureAwait(false)
            : await _api.RevokeOidcTokenAsync(request, _credentials.BasicAuthorization, cancellationToken).ConfigureAwait(false);

        return await RevocationResponse.InterpretAsync(response, new SecretRedactor(token, _secret), attempts: 1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the connection pool when this client created it.</summary>
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

    private static AuthenticationClientOptions Validated(AuthenticationClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = AuthenticationClientOptionsValidator.Instance.Validate(Options.DefaultName, options);
        return result.Failed
            ? throw new OptionsValidationException(Options.DefaultName, typeof(AuthenticationClientOptions), result.Failures)
            : options;
    }
}
