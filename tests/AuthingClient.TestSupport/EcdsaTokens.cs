using System.Globalization;
using System.Numerics;
using System.Security.Claims;
using System.Security.Cryptography;
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
