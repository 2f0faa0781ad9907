using AuthingClient.Tests.Support;

namespace AuthingClient.Tests.Contract;

/// <summary>Bad arguments are refused before any I/O: the server never sees a request.</summary>
public sealed class BadInputTests : ServerContractTests
{
    private static readonly Dictionary<string, string> BadTokens = new()
    {
        ["empty"] = string.Empty,
        ["one space"] = " ",
        ["spaces and tabs"] = " \t  ",
        ["line breaks only"] = "\r\n",
        ["ideographic space only"] = "\u3000",
        ["NUL inside"] = "abc\0def",
        ["line feed inside"] = "abc\ndef",
        ["carriage return at the end"] = "abcdef\r",
        ["tab inside"] = "abc\tdef",
        ["escape inside"] = "abc\u001Bdef",
        ["DEL inside"] = "abc\u007Fdef",
        ["lone high surrogate"] = "abc\uD83Ddef",
        ["lone high surrogate at the end"] = "abcdef\uD83D",
        ["lone low surrogate"] = "abc\uDE80def",
        ["reversed surrogate pair"] = "abc\uDE80\uD83Ddef",
        ["one character over 16 KiB"] = new string('t', (16 * 1024) + 1),
        ["1 MiB"] = new string('t', 1024 * 1024),
    };

    private static readonly Dictionary<string, string> C1ControlTokens = new()
    {
        ["NEL U+0085 inside"] = "abc\u0085def",
        ["CSI U+009B inside"] = "abc\u009Bdef",
    };

    public BadInputTests(RevocationServerFixture server)
        : base(server)
    {
        Server.AnswerOk();
    }

    public static TheoryData<string> BadTokenNames => [.. BadTokens.Keys];

    [Theory]
    [MemberData(nameof(ContractMatrix.StandaloneAndDependencyInjection), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_NullToken_ThrowsArgumentNullExceptionAndSendsNothing(ClientConstruction construction)
    {
        using var client = ClientUnderTest.Create(construction, TestApp.Options(Server.Url));

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Client.RevokeTokenAsync(null!));

        Assert.Equal("token", exception.ParamName);
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [MemberData(nameof(BadTokenNames))]
    public async Task RevokeTokenAsync_BadToken_ThrowsArgumentExceptionAndSendsNothing(string tokenName)
    {
        using var client = new AuthenticationClient(TestApp.Options(Server.Url));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.RevokeTokenAsync(BadTokens[tokenName], TokenTypeHint.AccessToken));

        Assert.Equal("token", exception.ParamName);
        Assert.Empty(Server.Requests);
    }

    /// <summary>Unicode control characters U+0080..U+009F (<see cref="char.IsControl(char)"/>), which the library's "control characters" rule should cover too.</summary>
    [Theory]
    [InlineData("NEL U+0085 inside")]
    [InlineData("CSI U+009B inside")]
    public async Task RevokeTokenAsync_TokenWithC1ControlCharacter_ThrowsArgumentExceptionAndSendsNothing(string tokenName)
    {
        using var client = new AuthenticationClient(TestApp.Options(Server.Url));

        await Assert.ThrowsAsync<ArgumentException>(() => client.RevokeTokenAsync(C1ControlTokens[tokenName]));

        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task RevokeTokenAsync_BadToken_MessageDoesNotEchoTheToken()
    {
        using var client = new AuthenticationClient(TestApp.Options(Server.Url));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.RevokeTokenAsync("eyJsecret-part\nrest-of-token"));

        Assert.DoesNotContain("eyJsecret-part", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(42)]
    public async Task RevokeTokenAsync_UndefinedTokenTypeHint_ThrowsArgumentOutOfRangeExceptionAndSendsNothing(int hint)
    {
        using var client = new AuthenticationClient(TestApp.Options(Server.Url));

        var exception = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.RevokeTokenAsync(TestApp.Token, (TokenTypeHint)hint));

        Assert.Equal("tokenTypeHint", exception.ParamName);
        Assert.Empty(Server.Requests);
    }
}
