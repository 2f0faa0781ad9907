using System.IdentityModel.Tokens.Jwt;
using AuthingClient.Diagnostics;
using AuthingClient.Jwt;
using AuthingClient.Revocation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthingClient.AspNetCore;

/// <summary>
/// Rejects a token whose signature checked out but which the <see cref="RevokedTokenRegistry"/>
/// revokes: the token itself, its user or its session. Fail-closed: a token whose status cannot be
/// looked up (the registry's store is down) is rejected too. Failure messages never contain the token.
/// </summary>
internal static class RevocationCheck
{
    public const string RevokedMessage = "The bearer token has been revoked.";
    public const string UncheckedMessage = "The bearer token's revocation status could not be checked.";

    public static async Task RunAsync(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        var report = http.RequestServices.GetRequiredService<RevokedTokenReport>();
        if (Presented(context.SecurityToken) is not { } presented)
        {
            context.Fail(UncheckedMessage);
            return;
        }

        try
        {
            var registry = http.RequestServices.GetRequiredService<RevokedTokenRegistry>();
            if (await registry.FindRevocationAsync(presented, http.RequestAborted).ConfigureAwait(false) is { } match)
            {
                report.Rejected(match, context.SecurityToken, context.Scheme.Name);
                context.Fail(RevokedMessage);
            }
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            report.Unchecked(context.SecurityToken, context.Scheme.Name, ex);
            context.Fail(UncheckedMessage);
        }
    }

    /// <summary>The token as the client sent it: what <c>RevokeTokenAsync</c> was given and the registry keyed.</summary>
    internal static string? RawToken(SecurityToken? token) => token switch
    {
        JsonWebToken json => json.EncodedToken,
        JwtSecurityToken jwt => jwt.RawData,
        _ => null,
    };

    /// <summary>
    /// What the registry needs of a validated token, from the claims JwtBearer has already read (no
    /// second decoding of the payload): the same keys <see cref="RevokedTokenRegistry.IsRevokedAsync"/>
    /// reads from the raw token, which the check's tests assert. A JWE, a payload segment that is not
    /// plain base64url, or a token from the legacy handler is read from the raw token instead;
    /// <see langword="null"/> when there is no raw token.
    /// </summary>
    internal static PresentedToken? Presented(SecurityToken? token)
    {
        if (token is JsonWebToken { IsEncrypted: false } jwt && CompactJws.IsDecodable(jwt.EncodedPayload))
        {
            var sessionId = jwt.TryGetPayloadValue<object>("sid", out var sid) && sid is string { Length: > 0 } text ? text : null;
            var issuedAt = jwt.IssuedAt == DateTime.MinValue ? (long?)null : new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero).ToUnixTimeSeconds();
            return PresentedToken.FromClaims(jwt.EncodedToken, jwt.Issuer, jwt.Id, jwt.Subject, Audiences(jwt), sessionId, issuedAt);
        }

        return RawToken(token) is { Length: > 0 } raw ? PresentedToken.Read(raw) : null;
    }

    /// <summary>JwtBearer's parsed audiences: a list already (no copy); anything else is copied once.</summary>
    private static IReadOnlyList<string> Audiences(JsonWebToken jwt) =>
        jwt.Audiences as IReadOnlyList<string> ?? jwt.Audiences.ToList();
}
