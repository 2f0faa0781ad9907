using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthingClient.TestSupport;

/// <summary>Tokens for the tests: JWTs signed with a test key the protected app trusts, hand-made JWT shapes, and opaque tokens.</summary>
public static class TestTokens
{
    public const string Issuer = "https://example.authing.cn/oidc";
    public const string Audience = "registry-tests-api";

    private static readonly SymmetricSecurityKey SigningKey = new(Encoding.UTF8.GetBytes("registry-tests-signing-key-0123456789abcdef"));

    /// <summary>What the protected app's JwtBearer validates against.</summary>
    public static TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
    };

    /// <summary>A JWT access token for a fresh subject, valid for an hour.</summary>
    public static string Jwt() => Jwt(DateTime.UtcNow.AddHours(1), DateTime.UtcNow);

    /// <summary>A JWT access token for a fresh subject, issued at <paramref name="issuedAt"/>, expiring at <paramref name="expires"/>.</summary>
    public static string Jwt(DateTime expires, DateTime issuedAt) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "user-" + Guid.NewGuid().ToString("N"))]),
        IssuedAt = issuedAt,
        NotBefore = issuedAt,
        Expires = expires,
        SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
    });

    /// <summary>A JWT-shaped token with the given payload text (not signed: the registry never validates).</summary>
    public static string WithPayload(string payloadJson) =>
        $"{Base64Url("""{"alg":"HS256","typ":"JWT"}""")}.{Base64Url(payloadJson)}.c2lnbmF0dXJl";

    /// <summary>A JWT-shaped token expiring at <paramref name="expires"/>.</summary>
    public static string ExpiringAt(DateTimeOffset expires) =>
        WithPayload($$"""{"sub":"{{Guid.NewGuid():N}}","exp":{{expires.ToUnixTimeSeconds()}}}""");

    /// <summary>An opaque token, unique per call.</summary>
    public static string Opaque() => "opaque-" + Guid.NewGuid().ToString("N");

    public static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));
}
