using AuthingClient.AspNetCore;
using AuthingClient.TestSupport;
using AuthingClient.Revocation;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuthingClient.AspNetCore.Tests;

/// <summary>
/// The JwtBearer check keys a validated JWT from the claims it has already read; that key must be
/// the very key the client marked from the raw token, or a revoked token would pass.
/// </summary>
public sealed class CheckKeyTests
{
    // A numeric iss or jti never reaches the check: IdentityModel refuses to parse such a token.
    [Theory]
    [InlineData("""{"iss":"https://a.example","jti":"id-1","sub":"alice"}""", true)]
    [InlineData("""{"jti":"id-1"}""", true)]
    [InlineData("""{"iss":"https://a.example","jti":"a\u0062\n\u00e9\ud83d\ude00"}""", true)]
    [InlineData("""{"iss":"i","jti":"first","x":{"jti":"nested"},"jti":"last"}""", true)]
    [InlineData("""{"iss":"i","jti":""}""", false)]
    [InlineData("""{"iss":"i","jti":null}""", false)]
    [InlineData("""{"iss":"i","sub":"no jti"}""", false)]
    public void KeyFromParsedClaims_IsTheKeyOfTheRawToken(string payload, bool fromClaims)
    {
        var raw = TestTokens.WithPayload(payload);

        var key = RevocationCheck.KeyOf(new JsonWebToken(raw));

        Assert.Equal(fromClaims, key.HasValue);
        if (key is { } fromCheck)
        {
            Assert.Equal(RevocationKey.Of(raw), fromCheck);
        }
    }

    [Fact]
    public void SignedEs256Token_KeyFromParsedClaims_IsTheKeyOfTheRawToken()
    {
        using var tokens = new EcdsaTokens();
        var raw = tokens.Create(withJwtId: true);

        Assert.Equal(RevocationKey.Of(raw), RevocationCheck.KeyOf(new JsonWebToken(raw)));
    }
}
