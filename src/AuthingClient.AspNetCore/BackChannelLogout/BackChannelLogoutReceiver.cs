using AuthingClient.AspNetCore.Receivers;
using AuthingClient.Revocation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AuthingClient.AspNetCore.BackChannelLogout;

/// <summary>
/// The endpoint <c>MapBackChannelLogout</c> maps (OpenID Connect Back-Channel Logout 1.0 §2.5, §2.8):
/// a form POST whose <c>logout_token</c> validates ends the user's or the session's tokens in the
/// <see cref="RevokedTokenRegistry"/>; anything else gets 400 <c>invalid_request</c> and changes
/// nothing. The token is never logged.
/// </summary>
internal sealed class BackChannelLogoutReceiver
{
    /// <summary>A logout token is a few hundred bytes; a form this long is no logout request.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly byte[] InvalidRequest = """{"error":"invalid_request"}"""u8.ToArray();

    private readonly BackChannelLogoutOptions _options;
    private readonly IOptionsMonitor<JwtBearerOptions> _schemes;
    private readonly RevokedTokenRegistry _registry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <exception cref="OptionsValidationException">The options are invalid; the message names each setting.</exception>
    /// <exception cref="InvalidOperationException">The scheme has nothing to check a signature with.</exception>
    public BackChannelLogoutReceiver(IOptions<BackChannelLogoutOptions> options, IOptionsMonitor<JwtBearerOptions> schemes, RevokedTokenRegistry registry, TimeProvider? timeProvider, ILogger<BackChannelLogoutReceiver> logger)
    {
        _options = options.Value;
        if (!HasSigningKeys(schemes.Get(_options.AuthenticationScheme)))
        {
            // A misnamed scheme would otherwise refuse every logout token, silently, until someone noticed.
            throw new InvalidOperationException(
                $"{BackChannelLogoutOptions.SectionName}:AuthenticationScheme is '{_options.AuthenticationScheme}', a JwtBearer scheme with no signing keys and no Authority: name the AddJwtBearer scheme that validates the provider's tokens.");
        }

        _schemes = schemes;
        _registry = registry;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        // §2.8: neither answer may be cached.
        http.Response.Headers.CacheControl = "no-store";
        var (notice, refusal) = await ReadNoticeAsync(http).ConfigureAwait(false);
        if (notice is null)
        {
            BackChannelLogoutLog.Refused(_logger, refusal!);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(InvalidRequest, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        // T is when the logout reached this instance: every token issued up to then dies. With both
        // sub and sid, both are revoked: tokens without a sid (Authing's access tokens carry none)
        // could not otherwise be tied to the session the provider ended.
        var receivedAt = _timeProvider.GetUtcNow();
        if (notice.Subject is { } subject)
        {
            await _registry.RevokeUserAsync(notice.Issuer, subject, receivedAt, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }

        if (notice.SessionId is { } sessionId)
        {
            await _registry.RevokeSessionAsync(notice.Issuer, sessionId, receivedAt, http.RequestAborted).ConfigureAwait(false);
        }

        BackChannelLogoutLog.Accepted(_logger, notice.Issuer, notice.Subject is not null, notice.SessionId is not null);
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static bool HasSigningKeys(JwtBearerOptions scheme)
    {
        var parameters = scheme.TokenValidationParameters;
        return scheme.ConfigurationManager is not null
            || parameters.IssuerSigningKey is not null
            || parameters.IssuerSigningKeys?.Any() == true
            || parameters.IssuerSigningKeyResolver is not null
            || parameters.SignatureValidator is not null;
    }

    private async Task<(LogoutNotice? Notice, string? Refusal)> ReadNoticeAsync(HttpContext http)
    {
        // §2.5: the provider POSTs application/x-www-form-urlencoded.
        if (RequestMediaTypes.Of(http.Request) != RequestMediaType.Form)
        {
            return (null, "not an application/x-www-form-urlencoded POST");
        }

        if (await BoundedRequestBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false) is not { } body)
        {
            return (null, "the body is too long");
        }

        if (UrlEncodedForm.TryRead(body) is not { } form || UrlEncodedForm.Single(form, "logout_token") is not { } token)
        {
            return (null, "no single logout_token field");
        }

        var validator = new LogoutTokenValidator(_options, _schemes.Get(_options.AuthenticationScheme), _timeProvider);
        return await validator.ValidateAsync(token, http.RequestAborted).ConfigureAwait(false);
    }
}
