using AuthingClient.AspNetCore;
using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuthingClient.AspNetCore.Tests;

/// <summary>
/// The JwtBearer check reads a validated JWT from the claims JwtBearer has already parsed; the keys
/// it looks up (token, user, user and audience, session) and the issue time must be exactly those
/// the registry reads from the raw token, or a revoked token would pass.
/// </summary>
public sealed class CheckKeyTests
{
    // A numeric iss or jti never reaches the check: IdentityModel refuses to parse such a token.
    [Theory]
    [InlineData("""{"iss":"https://a.example","jti":"id-1","sub":"alice"}""")]
    [InlineData("""{"jti":"id-1"}""")]
    [InlineData("""{"iss":"https://a.example","jti":"a\u0062\n\u00e9\ud83d\ude00"}""")]
    [InlineData("""{"iss":"i","jti":"first","x":{"jti":"nested"},"jti":"last"}""")]
    [InlineData("""{"iss":"i","jti":""}""")]
    [InlineData("""{"iss":"i","jti":null}""")]
    [InlineData("""{"iss":"i","sub":"no jti"}""")]
    [InlineData("""{"iss":"i","sub":"u","aud":"app-1","iat":1767225600,"jti":"j"}""")]
    [InlineData("""{"iss":"i","sub":"u","aud":["app-1","app-2","app-3"],"iat":1767225600}""")]
    [InlineData("""{"iss":"i","sub":"u\u00e9","sid":"s-1","iat":1767225600,"jti":"j"}""")]
    [InlineData("""{"iss":"i","sub":12345,"iat":1767225600}""")]
    [InlineData("""{"sub":"no issuer","sid":"s","aud":"a"}""")]
    [InlineData("""{"iss":"i","sub":"u","aud":[],"sid":""}""")]
    public void PresentedFromParsedClaims_IsWhatTheRegistryReadsFromTheRawToken(string payload)
    {
        var raw = TestTokens.WithPayload(payload);

        var fromClaims = RevocationCheck.Presented(new JsonWebToken(raw));
        var fromRaw = PresentedToken.Read(raw);

        Assert.NotNull(fromClaims);
        AssertSame(fromRaw, fromClaims.Value);
    }

    [Fact]
    public void SignedEs256Token_PresentedFromParsedClaims_IsWhatTheRegistryReadsFromTheRawToken()
    {
        using var tokens = new EcdsaTokens();
        var raw = tokens.Create(withJwtId: true);

        AssertSame(PresentedToken.Read(raw), RevocationCheck.Presented(new JsonWebToken(raw))!.Value);
    }

    private static void AssertSame(PresentedToken expected, PresentedToken actual)
    {
        Assert.Equal(expected.Token, actual.Token);
        Assert.Equal(expected.IssuedAt, actual.IssuedAt);
        Assert.Equal(expected.User, actual.User);
        Assert.Equal(expected.UserAudience, actual.UserAudience);
        Assert.Equal(expected.MoreUserAudiences ?? [], actual.MoreUserAudiences ?? []);
        Assert.Equal(expected.Session, actual.Session);
    }
}
