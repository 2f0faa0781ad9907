using AuthingClient.TestSupport;
using AuthingClient.Revocation;

namespace AuthingClient.Tests.Revocation;

/// <summary>Reading a JWT's claims without validating it; an unreadable <c>exp</c> means "remember as long as an opaque token".</summary>
public sealed class JwtPayloadReaderTests
{
    [Fact]
    public void ExpiresAt_PayloadWithNumericExp_ReturnsIt()
    {
        var expiresAt = PresentedToken.Read(TestTokens.WithPayload("""{"sub":"a","exp":1767225600}""")).ExpiresAt;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), expiresAt);
    }

    [Fact]
    public void ExpiresAt_TokenSignedByIdentityModel_ReturnsItsExpiry()
    {
        var expires = new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc);

        var expiresAt = PresentedToken.Read(TestTokens.Jwt(expires, expires.AddHours(-1))).ExpiresAt;

        Assert.Equal(new DateTimeOffset(expires), expiresAt);
    }

    [Fact]
    public void ExpiresAt_FractionalExp_RoundsUpSoTheEntryNeverEndsEarly()
    {
        var expiresAt = PresentedToken.Read(TestTokens.WithPayload("""{"exp":1767225600.25}""")).ExpiresAt;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225601), expiresAt);
    }

    [Fact]
    public void ExpiresAt_DuplicatedExp_UsesTheLexicallyLastOne()
    {
        var expiresAt = PresentedToken.Read(TestTokens.WithPayload("""{"exp":1000,"exp":2000}""")).ExpiresAt;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2000), expiresAt);
    }

    [Theory]
    [InlineData("no exp", """{"sub":"a","iat":1767225600}""")]
    [InlineData("exp as a string", """{"exp":"1767225600"}""")]
    [InlineData("exp null", """{"exp":null}""")]
    [InlineData("exp an object holding exp", """{"exp":{"exp":1767225600}}""")]
    [InlineData("exp only in a nested object", """{"claims":{"exp":1767225600}}""")]
    [InlineData("negative exp", """{"exp":-1}""")]
    [InlineData("exp past year 9999", """{"exp":253402300800}""")]
    [InlineData("payload not JSON", "this is not json")]
    [InlineData("payload a JSON array", """[{"exp":1767225600}]""")]
    [InlineData("payload truncated JSON", """{"exp":1767225600""")]
    [InlineData("trailing content after the object", """{"exp":1767225600} {}""")]
    public void ExpiresAt_UnreadablePayload_IsNotReadable(string because, string payloadJson)
    {
        Assert.True(PresentedToken.Read(TestTokens.WithPayload(payloadJson)).ExpiresAt is null, because);
    }

    [Theory]
    [InlineData("opaque", "opaque-access-token-1234567890")]
    [InlineData("two segments", "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3NjcyMjU2MDB9")]
    [InlineData("five segments (JWE: encrypted payload)", "eyJhbGciOiJSU0EtT0FFUCJ9.a2V5.aXY.eyJleHAiOjE3NjcyMjU2MDB9.dGFn")]
    [InlineData("empty payload", "eyJhbGciOiJIUzI1NiJ9..c2ln")]
    [InlineData("empty header", ".eyJleHAiOjE3NjcyMjU2MDB9.c2ln")]
    [InlineData("malformed base64url: bad character", "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3NjcyMjU2MDB9*.c2ln")]
    [InlineData("malformed base64url: impossible length", "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3NjcyMjU2MDB9A.c2ln")]
    [InlineData("standard base64 alphabet", "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3NjcyMjU2MDB9+/.c2ln")]
    public void ExpiresAt_NotAJwsCompactToken_IsNotReadable(string because, string token)
    {
        Assert.True(PresentedToken.Read(token).ExpiresAt is null, because);
    }
}
