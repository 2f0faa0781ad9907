using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthingClient.Benchmarks.Fleet;

/// <summary>The kind of token a revocation check is asked about: each takes its own key path.</summary>
public enum CheckedToken
{
    /// <summary>An RS256 access token with a <c>jti</c>, as Authing issues them (keyed by issuer + jti).</summary>
    JwtWithJwtId,

    /// <summary>An RS256 access token without a <c>jti</c> (keyed by a SHA-256 of header.payload).</summary>
    JwtWithoutJwtId,

    /// <summary>An opaque token (keyed by a SHA-256 of the whole token).</summary>
    Opaque,
}

/// <summary>RS256 tokens signed by one key, Authing-shaped claims, for the fleet benchmarks.</summary>
public sealed class FleetTokens : IDisposable
{
    public const string Issuer = "https://example.authing.cn/oidc";
    public const string Audience = "fleet-benchmarks";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = true };

    public SecurityKey Key => new RsaSecurityKey(_rsa);

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
    };

    public string Create(CheckedToken kind, string? subject = null)
    {
        if (kind == CheckedToken.Opaque)
        {
            return Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        }

        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject ?? Guid.NewGuid().ToString("N"),
            ["scope"] = "openid profile email phone offline_access",
            ["azp"] = "6305f26e5c8c2a8b1d5e7f10",
        };
        if (kind == CheckedToken.JwtWithJwtId)
        {
            claims["jti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => _rsa.Dispose();
}
