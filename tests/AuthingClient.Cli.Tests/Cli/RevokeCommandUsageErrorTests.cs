using AuthingClient.Cli.Tests.Support;
using AuthingClient.TestSupport;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>Bad flags and invalid configuration exit 2, name the setting and never show the secret.</summary>
public class RevokeCommandUsageErrorTests
{
    [Theory]
    [InlineData("--protocol", "saml")]
    [InlineData("--auth-method", "private_key_jwt")]
    [InlineData("--hint", "id_token")]
    public async Task Revoke_UnknownEnumFlagValue_Exits2NamingTheFlag(string flag, string value)
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "some-token", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains(flag, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(CliRun.FakeSecret, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_NoToken_Exits2()
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("revoke", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_UnknownFlag_Exits2()
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "some-token", "--app-secret-file", "x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--app-secret-file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_NoCommand_Exits2()
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment());

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task ClientSecretBasic_WithTheOAuthProtocol_Exits2NamingTheSettingWithoutTheSecret()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault(RevocationRequest.OAuthPath);

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "some-token", "--protocol", "oauth", "--auth-method", "client_secret_basic", "--app-host", authing.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("RevocationEndPointAuthMethod", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--auth-method", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(CliRun.FakeSecret, result.AllOutput, StringComparison.Ordinal);
        Assert.Empty(authing.Requests);
    }

    [Fact]
    public async Task ClientSecretBasic_WithTheOAuthProtocolAndTheStandIn_Exits2Too()
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "some-token", "--protocol", "oauth", "--auth-method", "client_secret_basic");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("RevocationEndPointAuthMethod", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientSecretPost_MissingSecret_Exits2PointingAtTheVariableAndSendsNothing()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();
        var environment = new Dictionary<string, string?> { ["AUTHING_APP_ID"] = CliRun.AppId };

        var result = await CliRun.RunAsync(environment, "revoke", "some-token", "--app-host", authing.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("AppSecret", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("AUTHING_APP_SECRET", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(authing.Requests);
    }

    [Fact]
    public async Task SecretVariable_Empty_Exits2PointingAtItAndSendsNothing()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();
        var environment = new Dictionary<string, string?> { ["AUTHING_APP_ID"] = CliRun.AppId, ["AUTHING_APP_SECRET"] = string.Empty };

        var result = await CliRun.RunAsync(environment, "revoke", "some-token", "--app-host", authing.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AppSecret is required", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("AUTHING_APP_SECRET", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(authing.Requests);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.authing.cn")]
    [InlineData("http://example.authing.cn")]
    public async Task AppHost_InvalidOrInsecure_Exits2NamingTheSettingWithoutTheSecret(string appHost)
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "some-token", "--app-host", appHost);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AppHost", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(CliRun.FakeSecret, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppId_Missing_Exits2NamingTheFlagAndTheVariable()
    {
        var environment = new Dictionary<string, string?> { ["AUTHING_APP_SECRET"] = CliRun.FakeSecret };

        var result = await CliRun.RunAsync(environment, "revoke", "some-token", "--app-host", "https://example.authing.cn");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AppId", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("AUTHING_APP_ID", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(CliRun.FakeSecret, result.AllOutput, StringComparison.Ordinal);
    }
}
