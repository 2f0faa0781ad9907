using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>The built-in local stand-in runs only with --stand-in; without it, no app host means no run.</summary>
public class RevokeCommandStandInTests
{
    [Fact]
    public async Task StandIn_FlagGiven_UsesTheBuiltInStandInSaysSoOnStderrAndPrintsTrue()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "--stand-in", "some-token");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
        Assert.Contains("built-in local Authing stand-in at http://127.0.0.1:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_CredentialsWithoutAppHostOrStandIn_Exits2WithNothingOnStdout()
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "some-token");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("--app-host", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("AUTHING_APP_HOST", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--stand-in", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(CliRun.FakeSecret, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_NoConfigurationAtAll_IsRefusedToo()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "some-token");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task StandIn_WithAppHostVariable_WinsOverTheVariable()
    {
        var environment = CliRun.CredentialsEnvironment();
        environment["AUTHING_APP_HOST"] = "https://example.authing.cn";

        var result = await CliRun.RunAsync(environment, "revoke", "--stand-in", "some-token");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
    }

    [Fact]
    public async Task StandIn_WithAppHostFlag_IsAUsageError()
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "--app-host", "https://example.authing.cn", "some-token");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("not both", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandIn_AppIdSecretAndMethodGiven_IsConfiguredWithThem()
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "t-1", "t-2", "--auth-method", "client_secret_basic", "--hint", "access_token");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true"], result.StdoutLines);
        Assert.DoesNotContain(CliRun.FakeSecret, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandIn_PublicOAuthClient_IsServed()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "--stand-in", "t-1", "--protocol", "oauth", "--auth-method", "none");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
    }

    [Fact]
    public async Task AppHostVariable_Empty_IsAConfigurationErrorNotASilentSwitchToTheStandIn()
    {
        var environment = CliRun.CredentialsEnvironment();
        environment["AUTHING_APP_HOST"] = string.Empty;

        var result = await CliRun.RunAsync(environment, "revoke", "some-token");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("AppHost", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("stand-in", result.Stderr, StringComparison.Ordinal);
    }
}
