using AuthingClient.Tests.Support;
using Microsoft.Extensions.Options;

namespace AuthingClient.Tests.Configuration;

/// <summary>The standalone constructor refuses bad settings with errors that name them and never echo the secret.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [MemberData(nameof(InvalidOptionsCases.Names), MemberType = typeof(InvalidOptionsCases))]
    public void Constructor_InvalidOptions_ThrowsOptionsValidationExceptionNamingTheSetting(string caseName)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => new AuthenticationClient(InvalidOptionsCases.Options(caseName)));

        Assert.Equal(typeof(AuthenticationClientOptions), exception.OptionsType);
        Assert.Contains(InvalidOptionsCases.All[caseName].Setting, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidOptionsCases.Names), MemberType = typeof(InvalidOptionsCases))]
    public void Constructor_InvalidOptions_MessageNeverContainsTheSecret(string caseName)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => new AuthenticationClient(InvalidOptionsCases.Options(caseName)));

        Assert.DoesNotContain(TestApp.Secret, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AppHostIsNotAUri_MessageDoesNotEchoTheValue()
    {
        var options = TestApp.Options("not a uri://user:hunter2@example");

        var exception = Assert.Throws<OptionsValidationException>(() => new AuthenticationClient(options));

        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SeveralBadSettings_NamesEachOfThem()
    {
        var options = new AuthenticationClientOptions { AppSecret = TestApp.Secret };

        var exception = Assert.Throws<OptionsValidationException>(() => new AuthenticationClient(options));

        Assert.Equal(2, exception.Failures.Count());
        Assert.Contains(exception.Failures, f => f.Contains("AppId", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("AppHost", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("options", () => new AuthenticationClient(null!));

    public static TheoryData<string> ValidCaseNames => [.. ValidCases.Keys];

    private static Dictionary<string, AuthenticationClientOptions> ValidCases => new()
    {
        ["none without a secret"] = TestApp.Options("https://example.authing.cn", method: ClientAuthenticationMethod.None, secret: null),
        ["none without a secret on OAuth"] = TestApp.Options("https://example.authing.cn", AuthingProtocol.OAuth, ClientAuthenticationMethod.None, secret: null),
        ["client_secret_post on OAuth"] = TestApp.Options("https://example.authing.cn", AuthingProtocol.OAuth),
        ["https with a path"] = TestApp.Options("https://example.authing.cn/tenant"),
        ["http on 127.0.0.1"] = TestApp.Options("http://127.0.0.1:8080"),
        ["http on localhost"] = TestApp.Options("http://localhost:8080", method: ClientAuthenticationMethod.ClientSecretBasic),
        ["http on [::1]"] = TestApp.Options("http://[::1]:8080"),
        ["http on a public host when allowed"] = WithInsecureHttp(TestApp.Options("http://example.authing.cn")),
        ["secret of printable ASCII with spaces"] = TestApp.Options("https://example.authing.cn", method: ClientAuthenticationMethod.ClientSecretBasic, secret: "+ % & / = : ~"),
    };

    [Theory]
    [MemberData(nameof(ValidCaseNames))]
    public void Constructor_ValidOptions_Succeeds(string caseName)
    {
        var options = ValidCases[caseName];

        Assert.Null(Record.Exception(() => new AuthenticationClient(options).Dispose()));
    }

    [Fact]
    public void ToString_WithSecret_NeverShowsTheSecret()
    {
        var text = TestApp.Options("https://example.authing.cn").ToString();

        Assert.DoesNotContain(TestApp.Secret, text, StringComparison.Ordinal);
        Assert.Contains(TestApp.AppId, text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithSecret_SaysASecretIsSet()
    {
        var withSecret = TestApp.Options("https://example.authing.cn").ToString();
        var withoutSecret = TestApp.Options("https://example.authing.cn", secret: null).ToString();

        Assert.NotEqual(withSecret, withoutSecret);
    }

    private static AuthenticationClientOptions WithInsecureHttp(AuthenticationClientOptions options)
    {
        options.AllowInsecureHttp = true;
        return options;
    }
}
