using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthingClient.AspNetCore.BackChannelLogout;

/// <summary>
/// Validates a logout token as OpenID Connect Back-Channel Logout 1.0 §2.6 says, with the keys and
/// issuer of a JwtBearer scheme: signature (never <c>alg: none</c>), <c>iss</c>, <c>aud</c> containing
/// the client id, <c>exp</c> when present (a token without one is bounded by its <c>iat</c>, which
/// must be present and recent: some providers still send none), <c>jti</c>, the back-channel logout event, <c>sub</c> or <c>sid</c>, no <c>nonce</c>,
/// and <c>typ</c>, when present, <c>logout+jwt</c>.
/// </summary>
internal sealed class LogoutTokenValidator(BackChannelLogoutOptions options, JwtBearerOptions scheme, TimeProvider timeProvider)
{
    /// <summary>The member of <c>events</c> that makes a JWT a logout token (§2.4).</summary>
    public const string BackChannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The notice the token carries, or why it was refused (never anything from the token itself).</summary>
    public async Task<(LogoutNotice? Notice, string? Refusal)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!Handler.CanReadToken(token))
        {
            return (null, "the logout_token is not a JWT");
        }

        var parameters = await ParametersAsync(cancellationToken).ConfigureAwait(false);
        var result = await Handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            return (null, $"the logout_token failed validation ({result.Exception?.GetType().Name ?? "no reason given"})");
        }

        // An encrypted token's claims and signature are those of the JWS inside it.
        var signed = validated.InnerToken ?? validated;
        if (string.IsNullOrEmpty(signed.EncodedSignature) || string.Equals(signed.Alg, SecurityAlgorithms.None, StringComparison.OrdinalIgnoreCase))
        {
            // Also when the scheme's own SignatureValidator let an unsigned token through.
            return (null, "the logout_token is not signed");
        }

        return Claims(signed);
    }

    private async Task<TokenValidationParameters> ParametersAsync(CancellationToken cancellationToken)
    {
        var parameters = scheme.TokenValidationParameters.Clone();
        if (scheme.ConfigurationManager is { } metadata)
        {
            // What JwtBearer itself adds when the scheme has an Authority or a MetadataAddress.
            var configuration = await metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(configuration.Issuer))
            {
                parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], configuration.Issuer];
            }

            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. configuration.SigningKeys];
        }

        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.RequireAudience = true;
        parameters.AudienceValidator = null;
        parameters.ValidAudiences = null;
        parameters.ValidAudience = options.ClientId;
        parameters.RequireSignedTokens = true;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = false;
        parameters.LifetimeValidator = null;
        parameters.ValidTypes = null;
        parameters.TypeValidator = LogoutTokenType;
        return parameters;
    }

    /// <summary>§2.4: <c>typ</c> is recommended to be <c>logout+jwt</c>; a token without it is still a logout token.</summary>
    private static string LogoutTokenType(string type, SecurityToken token, TokenValidationParameters parameters) =>
        string.IsNullOrEmpty(type)
        || type.Equals("logout+jwt", StringComparison.OrdinalIgnoreCase)
        || type.Equals("application/logout+jwt", StringComparison.OrdinalIgnoreCase)
            ? type ?? string.Empty
            : throw new SecurityTokenInvalidTypeException("The token's typ is not logout+jwt.");

    /// <summary>The claims IdentityModel does not check, read from the signed payload as JSON.</summary>
    private (LogoutNotice? Notice, string? Refusal) Claims(JsonWebToken signed)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(signed.EncodedPayload));
        var claims = payload.RootElement;
        if (HasRepeatedMember(claims))
        {
            return (null, "the logout_token repeats a claim");
        }

        if (!claims.TryGetProperty("iat", out var iat) || !iat.TryGetDouble(out var issuedAt))
        {
            return (null, "the logout_token has no iat");
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var skew = scheme.TokenValidationParameters.ClockSkew.TotalSeconds;
        if (issuedAt > now + skew || issuedAt < now - options.MaxTokenAge.TotalSeconds - skew)
        {
            return (null, "the logout_token's iat is not recent");
        }

        if (!claims.TryGetProperty("jti", out var jti) || jti.ValueKind != JsonValueKind.String || jti.GetString() is not { Length: > 0 })
        {
            return (null, "the logout_token has no jti");
        }

        if (!claims.TryGetProperty("events", out var events)
            || events.ValueKind != JsonValueKind.Object
            || !events.TryGetProperty(BackChannelLogoutEvent, out var logout)
            || logout.ValueKind != JsonValueKind.Object)
        {
            return (null, "the logout_token has no back-channel logout event");
        }

        if (claims.TryGetProperty("nonce", out _))
        {
            // §2.4: forbidden, so an ID token can never pass for a logout token.
            return (null, "the logout_token has a nonce");
        }

        if (!TryReadOptionalString(claims, "sub", out var subject) || !TryReadOptionalString(claims, "sid", out var sessionId))
        {
            return (null, "the logout_token's sub or sid is not a string");
        }

        if (subject is null && sessionId is null)
        {
            return (null, "the logout_token has neither sub nor sid");
        }

        return (new LogoutNotice(signed.Issuer, subject, sessionId), null);
    }

    private static bool TryReadOptionalString(JsonElement claims, string name, out string? value)
    {
        value = null;
        if (!claims.TryGetProperty(name, out var element))
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value is { Length: > 0 };
    }

    /// <summary>A claim given twice could be read one way here and another way by IdentityModel.</summary>
    private static bool HasRepeatedMember(JsonElement claims)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in claims.EnumerateObject())
        {
            if (!names.Add(member.Name))
            {
                return true;
            }
        }

        return false;
    }
}
