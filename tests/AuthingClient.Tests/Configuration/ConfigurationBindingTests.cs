using AuthingClient.Revocation;
using AuthingClient.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthingClient.Tests.Configuration;

/// <summary>Options read from an <see cref="IConfiguration"/> section the way an operator writes appsettings.json.</summary>
public sealed class ConfigurationBindingTests
{
    private static readonly Dictionary<string, (Dictionary<string, string?> Changes, string Setting)> BadConfigurations = new()
    {
        ["Protocol saml"] = (new() { ["Protocol"] = "saml" }, "Protocol"),
        ["Protocol as a number"] = (new() { ["Protocol"] = "1" }, "Protocol"),
        ["RevocationEndPointAuthMethod private_key_jwt"] = (new() { ["RevocationEndPointAuthMethod"] = "private_key_jwt" }, "RevocationEndPointAuthMethod"),
        ["RevocationEndPointAuthMethod empty"] = (new() { ["RevocationEndPointAuthMethod"] = string.Empty }, "RevocationEndPointAuthMethod"),
        ["client_secret_basic with oauth"] = (new() { ["Protocol"] = "oauth", ["RevocationEndPointAuthMethod"] = "client_secret_basic" }, "RevocationEndPointAuthMethod"),
        ["AppId missing"] = (new() { ["AppId"] = null }, "AppId"),
        ["AppHost relative"] = (new() { ["AppHost"] = "example.authing.cn" }, "AppHost"),
        ["AppHost ftp"] = (new() { ["AppHost"] = "ftp://example.authing.cn" }, "AppHost"),
        ["AppHost http on a public host"] = (new() { ["AppHost"] = "http://example.authing.cn", ["AllowInsecureHttp"] = "false" }, "AppHost"),
        ["AppSecret missing for client_secret_basic"] = (new() { ["AppSecret"] = null, ["RevocationEndPointAuthMethod"] = "client_secret_basic" }, "AppSecret"),
        ["AppSecret missing for the default method"] = (new() { ["AppSecret"] = null }, "AppSecret"),
    };

    public static TheoryData<string> BadConfigurationNames => [.. BadConfigurations.Keys];

    [Theory]
    [InlineData("Protocol", "oidc", AuthingProtocol.Oidc)]
    [InlineData("Protocol", "oauth", AuthingProtocol.OAuth)]
    [InlineData("Protocol", "OAuth", AuthingProtocol.OAuth)]
    [InlineData("Protocol", " OIDC ", AuthingProtocol.Oidc)]
    [InlineData("RevocationEndPointAuthMethod", "client_secret_post", ClientAuthenticationMethod.ClientSecretPost)]
    [InlineData("RevocationEndPointAuthMethod", "client_secret_basic", ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData("RevocationEndPointAuthMethod", "none", ClientAuthenticationMethod.None)]
    [InlineData("RevocationEndPointAuthMethod", "CLIENT_SECRET_BASIC", ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData("RevocationEndPointAuthMethod", "ClientSecretBasic", ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData("RevocationEndPointAuthMethod", " None ", ClientAuthenticationMethod.None)]
    [InlineData("RevokedTokenMarking", "when_confirmed", RevokedTokenMarking.WhenConfirmed)]
    [InlineData("RevokedTokenMarking", "WhenConfirmed", RevokedTokenMarking.WhenConfirmed)]
    public void AddAuthingAuthenticationClient_EnumSettingByOAuthOrDotNetName_IsRead(string setting, string text, object expected)
    {
        var options = ResolveOptions(new() { [setting] = text });

        object actual = setting switch
        {
            "Protocol" => options.Protocol,
            "RevocationEndPointAuthMethod" => options.RevocationEndPointAuthMethod,
            _ => options.RevokedTokenMarking,
        };
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("Protocol", "saml", "Protocol must be oidc or oauth.")]
    [InlineData("Protocol", "1", "Protocol must be oidc or oauth.")]
    [InlineData("RevocationEndPointAuthMethod", "private_key_jwt", "RevocationEndPointAuthMethod must be client_secret_post, client_secret_basic or none.")]
    [InlineData("RevokedTokenMarking", "", "RevokedTokenMarking must be when_requested or when_confirmed.")]
    public void AddAuthingAuthenticationClient_UnknownEnumName_FailsStartupValidationListingTheAcceptedNames(string setting, string text, string message)
    {
        using var provider = Build(new() { [setting] = text });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(message, Assert.Single(exception.Failures));
    }

    [Fact]
    public void AddAuthingAuthenticationClient_EveryPlainSetting_IsRead()
    {
        var options = ResolveOptions(new() { ["AppHost"] = "http://auth.internal.example", ["AllowInsecureHttp"] = "true" });

        Assert.Equal(
            (TestApp.AppId, TestApp.Secret, "http://auth.internal.example", true),
            (options.AppId, options.AppSecret, options.AppHost, options.AllowInsecureHttp));
    }

    [Fact]
    public void AddAuthingAuthenticationClient_NoneWithoutSecret_PassesStartupValidation()
    {
        using var provider = Build(new() { ["RevocationEndPointAuthMethod"] = "none", ["AppSecret"] = null });

        Assert.Null(Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate()));
    }

    [Theory]
    [MemberData(nameof(BadConfigurationNames))]
    public void AddAuthingAuthenticationClient_BadConfiguration_FailsStartupValidationNamingTheSetting(string caseName)
    {
        using var provider = Build(BadConfigurations[caseName].Changes);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(BadConfigurations[caseName].Setting, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadConfigurationNames))]
    public void AddAuthingAuthenticationClient_BadConfiguration_MessageNeverContainsTheSecret(string caseName)
    {
        using var provider = Build(BadConfigurations[caseName].Changes);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.DoesNotContain(TestApp.Secret, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddAuthingAuthenticationClient_BadConfiguration_ResolvingTheOptionsThrows()
    {
        using var provider = Build(new() { ["Protocol"] = "saml" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AuthenticationClientOptions>>().Value);
    }

    [Fact]
    public void AddAuthingAuthenticationClient_BadConfiguration_ResolvingTheClientThrows()
    {
        using var provider = Build(new() { ["Protocol"] = "saml" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AuthenticationClient>());
    }

    [Fact]
    public void AddAuthingAuthenticationClient_ResilienceSettings_AreRead()
    {
        var options = ResolveOptions(new()
        {
            ["Timeout"] = "00:01:00",
            ["AttemptTimeout"] = "00:00:05",
            ["Retry:MaxAttempts"] = "5",
            ["Retry:BaseDelay"] = "00:00:00.250",
            ["Retry:MaxDelay"] = "00:00:20",
        });

        Assert.Equal(
            (TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), 5, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(20)),
            (options.Timeout, options.AttemptTimeout, options.Retry.MaxAttempts, options.Retry.BaseDelay, options.Retry.MaxDelay));
    }

    [Theory]
    [InlineData("AllowInsecureHttp", "yes", "Authing:AllowInsecureHttp must be true or false.")]
    [InlineData("Timeout", "soon", "Authing:Timeout must be a time span such as 00:00:30.")]
    [InlineData("AttemptTimeout", "5s", "Authing:AttemptTimeout must be a time span such as 00:00:30.")]
    [InlineData("Retry:MaxAttempts", "three", "Authing:Retry:MaxAttempts must be a whole number.")]
    [InlineData("Retry:MaxAttempts", "99999999999", "Authing:Retry:MaxAttempts must be a whole number.")]
    [InlineData("Retry:BaseDelay", "1 second", "Authing:Retry:BaseDelay must be a time span such as 00:00:30.")]
    [InlineData("Retry:MaxDelay", "' at 'x' to type 'y'.", "Authing:Retry:MaxDelay must be a time span such as 00:00:30.")]
    public void AddAuthingAuthenticationClient_MalformedValue_FailsNamingTheSetting(string setting, string text, string message)
    {
        using var provider = Build(new() { [setting] = text });

        var exception = Assert.Throws<FormatException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(message, exception.Message);
    }

    [Theory]
    [InlineData("AllowInsecureHttp", "yes")]
    [InlineData("Timeout", "soon")]
    [InlineData("Retry:MaxAttempts", "three")]
    [InlineData("Retry:BaseDelay", "1 second")]
    public void AddAuthingAuthenticationClient_MalformedValue_ErrorNeverContainsTheValue(string setting, string text)
    {
        using var provider = Build(new() { [setting] = text });

        var exception = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        // ToString covers inner exceptions too, where a binder would quote the value.
        Assert.DoesNotContain(text, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddAuthingAuthenticationClient_EmptyTimeSpan_KeepsTheDefault()
    {
        var options = ResolveOptions(new() { ["Timeout"] = string.Empty });

        Assert.Equal(new AuthenticationClientOptions().Timeout, options.Timeout);
    }

    [Fact]
    public void AddAuthingAuthenticationClient_ZeroAttempts_FailsStartupValidationNamingTheSetting()
    {
        using var provider = Build(new() { ["Retry:MaxAttempts"] = "0" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Retry.MaxAttempts", exception.Message, StringComparison.Ordinal);
    }

    private static AuthenticationClientOptions ResolveOptions(Dictionary<string, string?> changes)
    {
        using var provider = Build(changes);
        return provider.GetRequiredService<IOptions<AuthenticationClientOptions>>().Value;
    }

    /// <summary>A container configured from section "Authing" of an in-memory configuration: a valid app, then <paramref name="changes"/>.</summary>
    private static ServiceProvider Build(Dictionary<string, string?> changes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AppId"] = TestApp.AppId,
            ["AppSecret"] = TestApp.Secret,
            ["AppHost"] = "https://example.authing.cn",
        };
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Where(s => s.Value is not null).Select(s => KeyValuePair.Create("Authing:" + s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddAuthingAuthenticationClient(configuration.GetSection(AuthenticationClientOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
