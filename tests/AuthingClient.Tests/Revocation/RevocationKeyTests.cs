using AuthingClient.TestSupport;
using AuthingClient.Revocation;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuthingClient.Tests.Revocation;

/// <summary>One key function for marking and checking: bound to what the issuer signed (issue 11).</summary>
public sealed class RevocationKeyTests : IDisposable
{
    private readonly EcdsaTokens _ecdsa = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MalleatedEs256Signature_StillValidatesAndHasTheSameKey(bool withJwtId)
    {
        var token = _ecdsa.Create(withJwtId);
        var twin = EcdsaTokens.Malleate(token);

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(twin, _ecdsa.ValidationParameters());

        Assert.NotEqual(token, twin);
        Assert.True(validation.IsValid, "The malleated signature must be valid, or this test proves nothing.");
        Assert.Equal(RevocationKey.Of(token), RevocationKey.Of(twin));
    }

    [Fact]
    public void JwtWithJwtId_IsIdentifiedByIssuerAndJwtIdAlone()
    {
        var first = TestTokens.WithPayload("""{"iss":"https://a.example","jti":"id-1","sub":"alice","exp":1}""");
        var reissued = TestTokens.WithPayload("""{"sub":"bob","jti":"id-1","iss":"https://a.example","exp":2}""");
        var otherIssuer = TestTokens.WithPayload("""{"iss":"https://b.example","jti":"id-1","sub":"alice","exp":1}""");

        Assert.Equal(RevocationKey.Of(first), RevocationKey.Of(reissued));
        Assert.NotEqual(RevocationKey.Of(first), RevocationKey.Of(otherIssuer));
    }

    [Fact]
    public void JwtId_IsReadUnescapedAndTheLastDuplicateCounts()
    {
        var plain = TestTokens.WithPayload("""{"iss":"i","jti":"ab"}""");
        var escaped = TestTokens.WithPayload("""{"iss":"i","jti":"first","jti":"a\u0062"}""");
        var nested = TestTokens.WithPayload("""{"iss":"i","jti":"ab","x":{"jti":"other"}}""");

        Assert.Equal(RevocationKey.Of(plain), RevocationKey.Of(escaped));
        Assert.Equal(RevocationKey.Of(plain), RevocationKey.Of(nested));
    }

    [Fact]
    public void JwtWithoutJwtId_IsIdentifiedByItsSignedPartNeverItsSignature()
    {
        var token = TestTokens.WithPayload("""{"iss":"i","sub":"alice"}""");
        var otherSignature = token[..(token.LastIndexOf('.') + 1)] + "b3RoZXI";
        var otherPayload = TestTokens.WithPayload("""{"iss":"i","sub":"bob"}""");

        Assert.Equal(RevocationKey.Of(token), RevocationKey.Of(otherSignature));
        Assert.NotEqual(RevocationKey.Of(token), RevocationKey.Of(otherPayload));
    }

    [Fact]
    public void OpaqueTokens_AreIdentifiedByTheWholeToken()
    {
        Assert.NotEqual(RevocationKey.Of("opaque-a"), RevocationKey.Of("opaque-b"));
        Assert.Equal(RevocationKey.Of("opaque-a"), RevocationKey.Of(new string("opaque-a")));
    }

    [Fact]
    public void JwtAndOpaqueTokenOfTheSameBytes_NeverShareAKey()
    {
        // The same bytes as a JWT's signed part and as a whole opaque token.
        var jwt = TestTokens.WithPayload("""{"sub":"x"}""");
        var signedPart = jwt[..jwt.LastIndexOf('.')];

        Assert.NotEqual(RevocationKey.Of(jwt), RevocationKey.Of(signedPart + ".x.y"));
        Assert.NotEqual(RevocationKey.Of(jwt), RevocationKey.Of(signedPart));
    }

    [Fact]
    public void LargePayloads_AreKeyedTheSameWayAsSmallOnes()
    {
        var padding = new string('p', 5000);
        var withJwtId = TestTokens.WithPayload($$"""{"iss":"i","jti":"big","pad":"{{padding}}"}""");
        var small = TestTokens.WithPayload("""{"iss":"i","jti":"big"}""");
        var withoutJwtId = TestTokens.WithPayload($$"""{"iss":"i","pad":"{{padding}}"}""");

        Assert.Equal(RevocationKey.Of(small), RevocationKey.Of(withJwtId));
        Assert.Equal(RevocationKey.Of(withoutJwtId), RevocationKey.Of(withoutJwtId[..(withoutJwtId.LastIndexOf('.') + 1)] + "c2ln"));
    }

    [Fact]
    public void TextForm_RoundTrips()
    {
        var key = RevocationKey.Of("opaque-a");

        Assert.Equal(RevocationKey.HexLength, key.ToString().Length);
        Assert.True(RevocationKey.TryParse(key.ToString(), out var parsed));
        Assert.Equal(key, parsed);
        Assert.False(RevocationKey.TryParse("not-hex", out _));
    }

    public void Dispose() => _ecdsa.Dispose();
}
