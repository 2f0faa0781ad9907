namespace AuthingClient.Benchmarks.Fixtures;

/// <summary>
/// The application and the tokens every benchmark revokes: Authing-shaped values (24-hex App ID,
/// 32-hex secret), so each variant encodes the same form of the same size.
/// </summary>
public static class RevocationFixture
{
    public const string AppId = "6305f26e5c8c2a8b1d5e7f10";
    public const string AppSecret = "3f1b9c2d7e8a4b6c5d0e1f2a3b4c5d6e";

    /// <summary>The revocation path of an OIDC application (the library's default protocol).</summary>
    public const string RevocationPath = "/oidc/token/revocation";

    /// <summary>An opaque refresh token (43 characters, base64url of 32 random bytes).</summary>
    public static readonly string OpaqueToken = RandomBase64Url(43, seed: 1);

    /// <summary>
    /// An access token shaped like an RS256 JWT (≈ 880 characters): the form is longer, so the
    /// fixed per-call overhead weighs less than with <see cref="OpaqueToken"/>.
    /// </summary>
    public static readonly string JwtToken = string.Join('.', RandomBase64Url(36, seed: 2), RandomBase64Url(500, seed: 3), RandomBase64Url(342, seed: 4));

    public static string Token(TokenShape shape) => shape == TokenShape.Jwt ? JwtToken : OpaqueToken;

    private static string RandomBase64Url(int length, int seed)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        // A fixed seed: every run and every process revokes the very same token. Not security-relevant.
#pragma warning disable CA5394
        var random = new Random(seed);
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
#pragma warning restore CA5394
    }
}

/// <summary>Which token a benchmark revokes.</summary>
public enum TokenShape
{
    /// <summary><see cref="RevocationFixture.OpaqueToken"/>.</summary>
    Opaque,

    /// <summary><see cref="RevocationFixture.JwtToken"/>.</summary>
    Jwt,
}
