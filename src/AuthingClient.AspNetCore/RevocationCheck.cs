using System.IdentityModel.Tokens.Jwt;
using AuthingClient.Diagnostics;
using AuthingClient.Revocation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthingClient.AspNetCore;

/// <summary>
/// Rejects a token whose signature checked out but which is in the <see cref="RevokedTokenRegistry"/>.
/// Fail-closed: a token whose status cannot be looked up (the registry's store is down) is rejected too.
/// Failure messages never contain the token.
/// </summary>
internal static partial class RevocationCheck
{
    public const string RevokedMessage = "The bearer token has been revoked.";
    public const string UncheckedMessage = "The bearer token's revocation status could not be checked.";
    private const string LoggerCategory = "AuthingClient.AspNetCore.RevocationCheck";

    public static async Task RunAsync(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        var logger = http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
        if (RawToken(context.SecurityToken) is not { Length: > 0 } token)
        {
            context.Fail(UncheckedMessage);
            return;
        }

        try
        {
            var registry = http.RequestServices.GetRequiredService<RevokedTokenRegistry>();
            var revoked = registry is RevokedTokenRegistry keyed && KeyOf(context.SecurityToken) is { } key
                ? keyed.IsRevokedAsync(key, http.RequestAborted)
                : registry.IsRevokedAsync(token, http.RequestAborted);
            if (await revoked.ConfigureAwait(false))
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var fingerprint = Fingerprint(token);
                    Rejected(logger, fingerprint, context.Scheme.Name);
                }

                context.Fail(RevokedMessage);
            }
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            if (logger.IsEnabled(LogLevel.Warning))
            {
                var fingerprint = Fingerprint(token);
                Unchecked(logger, fingerprint, context.Scheme.Name, ex);
            }

            context.Fail(UncheckedMessage);
        }
    }

    /// <summary>The token as the client sent it: what <c>RevokeTokenAsync</c> was given and the registry hashed.</summary>
    private static string? RawToken(SecurityToken? token) => token switch
    {
        JsonWebToken json => json.EncodedToken,
        JwtSecurityToken jwt => jwt.RawData,
        _ => null,
    };

    /// <summary>
    /// The registry key of a validated JWT with a string <c>jti</c>, from the claims JwtBearer has
    /// already read: the key <see cref="RevocationKey.Of"/> gives the raw token (asserted by the
    /// registry tests), without decoding the payload a second time. <see langword="null"/> for
    /// anything else, which is then keyed from the raw token: a JWE (keyed as a whole), a payload
    /// segment that is not plain base64url, a missing, empty or non-string <c>jti</c>.
    /// </summary>
    internal static RevocationKey? KeyOf(SecurityToken? token)
    {
        if (token is not JsonWebToken { IsEncrypted: false } jwt
            || !CompactJws.IsDecodable(jwt.EncodedPayload)
            || !jwt.TryGetPayloadValue<object>(Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames.Jti, out var jwtId)
            || jwtId is not string { Length: > 0 } id)
        {
            return null;
        }

        var issuer = jwt.TryGetPayloadValue<object>(Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames.Iss, out var iss) && iss is string text ? text : string.Empty;
        return RevocationKey.OfJwtId(issuer, id);
    }

    /// <summary>The same short fingerprint the client logs for the token.</summary>
    private static string Fingerprint(string token) => TokenFingerprint.Of(token);

    [LoggerMessage(EventId = 1, EventName = "RevokedTokenRejected", Level = LogLevel.Information,
        Message = "Rejected revoked token {TokenHash} (scheme {Scheme})")]
    private static partial void Rejected(ILogger logger, string tokenHash, string scheme);

    [LoggerMessage(EventId = 2, EventName = "RevocationStatusUnknown", Level = LogLevel.Warning,
        Message = "Rejected token {TokenHash} (scheme {Scheme}): its revocation status could not be checked")]
    private static partial void Unchecked(ILogger logger, string tokenHash, string scheme, Exception exception);
}
