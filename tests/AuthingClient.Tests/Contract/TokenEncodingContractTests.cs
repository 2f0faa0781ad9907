using System.Text;
using AuthingClient.Tests.Support;

namespace AuthingClient.Tests.Contract;

/// <summary>
/// The token, the hint and the Basic credentials arrive encoded exactly as form encoding and
/// RFC 6749 §2.3.1 require, so the server decodes exactly what the caller gave.
/// </summary>
public sealed class TokenEncodingContractTests(RevocationServerFixture server) : ServerContractTests(server)
{
    private const string AwkwardToken = "a+b/c=d&e f%g~ü";

    private static readonly Dictionary<string, string> Tokens = new()
    {
        ["reserved characters"] = AwkwardToken,
        ["Chinese and emoji"] = "令牌-撤销-🔑🚀-测试",
        ["JWT"] = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl-_",
        ["4 KiB"] = string.Concat(Enumerable.Repeat("Ab0+/=% ü", 4096 / 9 + 1))[..4096],
        ["longest accepted (16 KiB)"] = new string('t', 16 * 1024),
        ["every printable ASCII character"] = new string([.. Enumerable.Range(0x21, 0x7E - 0x21 + 1).Select(c => (char)c)]),
        ["inner spaces"] = "two  inner spaces",
    };

    public static TheoryData<ClientConstruction, string> TokenCases =>
        Cases.Of(from construction in ContractMatrix.Constructions from name in Tokens.Keys select (construction, name));

    [Fact]
    public async Task RevokeTokenAsync_TokenWithReservedCharacters_IsPercentEncodedExactlyOnTheWire()
    {
        var request = await Server.RevokeAndRecordAsync(ClientConstruction.Standalone, TestApp.Options(Server.Url), AwkwardToken);

        Assert.Contains("token=a%2Bb%2Fc%3Dd%26e+f%25g~%C3%BC", request.RawBody.Split('&'));
    }

    [Theory]
    [MemberData(nameof(TokenCases))]
    public async Task RevokeTokenAsync_AwkwardToken_DecodesBackToExactlyTheGivenToken(ClientConstruction construction, string tokenName)
    {
        var token = Tokens[tokenName];

        var request = await Server.RevokeAndRecordAsync(construction, TestApp.Options(Server.Url), token);

        Assert.Equal(token, request.SingleField("token"));
    }

    [Theory]
    [InlineData(TokenTypeHint.AccessToken, "access_token")]
    [InlineData(TokenTypeHint.RefreshToken, "refresh_token")]
    public async Task RevokeTokenAsync_WithTokenTypeHint_SendsTheHintsOAuthName(TokenTypeHint hint, string wireName)
    {
        var request = await Server.RevokeAndRecordAsync(ClientConstruction.DependencyInjection, TestApp.Options(Server.Url), hint: hint);

        Assert.Equal(wireName, request.SingleField("token_type_hint"));
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.AllConstructions), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_WithNullHint_SendsNoHintField(ClientConstruction construction)
    {
        var request = await Server.RevokeAndRecordAsync(construction, TestApp.Options(Server.Url), hint: null);

        Assert.DoesNotContain(request.Form, f => f.Key == "token_type_hint");
    }

    [Fact]
    public async Task RevokeTokenAsync_OverloadWithoutHint_SendsNoHintField()
    {
        Server.AnswerOk();
        using var client = new AuthenticationClient(TestApp.Options(Server.Url));

        await client.RevokeTokenAsync(TestApp.Token);

        Assert.DoesNotContain(Server.SingleRequest().Form, f => f.Key == "token_type_hint");
    }

    /// <summary>Secrets with every character that form encoding changes; the encoded half is written out by hand.</summary>
    [Theory]
    [InlineData("p+q", "p%2Bq")]
    [InlineData("100%", "100%25")]
    [InlineData("a&b", "a%26b")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a=b", "a%3Db")]
    [InlineData("a:b", "a%3Ab")]
    [InlineData("a b", "a+b")]
    [InlineData("+ % & / = : ", "%2B+%25+%26+%2F+%3D+%3A+")]
    [InlineData("9f8e7d6c5b4a3928", "9f8e7d6c5b4a3928")]
    public async Task RevokeTokenAsync_ClientSecretBasicWithSpecialCharactersInSecret_FormEncodesThemBeforeBase64(string secret, string formEncodedSecret)
    {
        var request = await RevokeWithBasicAsync(secret);

        Assert.Equal([RevocationCalls.BasicHeader(TestApp.AppId, formEncodedSecret)], request.Header("Authorization"));
    }

    [Theory]
    [InlineData("p+q:r")]
    [InlineData(":leading colon")]
    [InlineData("%41 is not A")]
    public async Task RevokeTokenAsync_ClientSecretBasic_ServerDecodesTheConfiguredIdAndSecret(string secret)
    {
        var request = await RevokeWithBasicAsync(secret);

        // What the server does (RFC 6749 §2.3.1): base64-decode, split at the first ':', form-decode each half.
        var header = Assert.Single(request.Header("Authorization"));
        Assert.StartsWith("Basic ", header, StringComparison.Ordinal);
        var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        Assert.Equal(
            (TestApp.AppId, secret),
            (WireAssert.FormDecoded(credentials[..colon]), WireAssert.FormDecoded(credentials[(colon + 1)..])));
    }

    private Task<RecordedRequest> RevokeWithBasicAsync(string secret) =>
        Server.RevokeAndRecordAsync(
            ClientConstruction.Standalone,
            TestApp.Options(Server.Url, method: ClientAuthenticationMethod.ClientSecretBasic, secret: secret));
}
