using System.Globalization;
using System.Numerics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthingClient.TestSupport;

/// <summary>
/// ES256 tokens and their malleated twins: an ECDSA signature (r, s) is just as valid as
/// (r, n − s), so a revoked token can be re-encoded into another string that still validates.
/// </summary>
public sealed class EcdsaTokens : IDisposable
{
    // The order of the P-256 group (FIPS 186-4, D.1.2.3).
    private static readonly BigInteger P256Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public SecurityKey SigningKey => new ECDsaSecurityKey(_key);

    /// <summary>The public key as a PEM <c>PUBLIC KEY</c> (SubjectPublicKeyInfo), as an issuer publishes it.</summary>
    public string PublicKeyPem() => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>What an app that trusts these tokens validates against.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = TestTokens.Audience,
        IssuerSigningKey = SigningKey,
    };

    /// <summary>An ES256 access token for a fresh subject, valid for an hour, with or without a <c>jti</c>.</summary>
    public string Create(bool withJwtId)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "user-" + Guid.NewGuid().ToString("N") };
        if (withJwtId)
        {
            claims["jti"] = Guid.NewGuid().ToString("N");
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = true }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>
    /// An ES256 access token with the claims a per-user or per-session revocation matches on: the
    /// given <c>sub</c>, <c>sid</c> (none when null), <c>aud</c> and <c>iat</c> (now when null; none at all
    /// when <paramref name="withIssuedAt"/> is false), a fresh <c>jti</c>, expiring an hour after
    /// the later of now and <c>iat</c>.
    /// </summary>
    public string CreateFor(string subject, string? sessionId = null, string audience = TestTokens.Audience, DateTimeOffset? issuedAt = null, bool withIssuedAt = true)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = TestTokens.Issuer,
            ["sub"] = subject,
            ["aud"] = audience,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["exp"] = (issuedAt > now ? issuedAt.Value : now).AddHours(1).ToUnixTimeSeconds(),
        };
        if (withIssuedAt)
        {
            claims["iat"] = (issuedAt ?? now).ToUnixTimeSeconds();
        }

        if (sessionId is not null)
        {
            claims["sid"] = sessionId;
        }

        return Sign(JsonSerializer.Serialize(claims));
    }

    /// <summary>
    /// Any payload signed ES256 with this key, the header built by hand so a test chooses its
    /// <c>typ</c> (left out when null): for logout tokens and other shapes the token handler would not write.
    /// </summary>
    public string Sign(string payloadJson, string? type = "JWT")
    {
        var signingInput = $"{TestTokens.Base64Url(Header("ES256", type))}.{TestTokens.Base64Url(payloadJson)}";

        // JWS ES256 signatures are r || s (IEEE P1363), which is what ECDsa.SignData produces by default.
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>An unsigned token (<c>alg: none</c>, empty signature) with the payload: what a forger sends.</summary>
    public static string WithoutSignature(string payloadJson, string? type = "JWT") =>
        $"{TestTokens.Base64Url(Header("none", type))}.{TestTokens.Base64Url(payloadJson)}.";

    private static string Header(string algorithm, string? type) => JsonSerializer.Serialize(
        type is null ? new Dictionary<string, string> { ["alg"] = algorithm } : new Dictionary<string, string> { ["alg"] = algorithm, ["typ"] = type });

    /// <summary>The same token with its signature (r, s) rewritten as (r, n − s): a different string, still valid.</summary>
    public static string Malleate(string token)
    {
        var lastDot = token.LastIndexOf('.');
        var signature = Base64UrlEncoder.DecodeBytes(token[(lastDot + 1)..]);
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var flipped = (P256Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var rewritten = signature.ToArray();
        Array.Clear(rewritten, 32, 32);
        flipped.CopyTo(rewritten, 64 - flipped.Length);
        return token[..(lastDot + 1)] + Base64UrlEncoder.Encode(rewritten);
    }

    public void Dispose() => _key.Dispose();
}
