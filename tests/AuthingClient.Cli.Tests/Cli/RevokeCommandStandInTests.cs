using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>The built-in local stand-in runs only with --stand-in; without it, no app host means no run.</summary>
public class RevokeCommandStandInTests
{
    [Fact]
    public async Task With_stand_in_the_cli_uses_the_built_in_stand_in_says_so_on_stderr_and_prints_true()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "--stand-in", "some-token");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
        Assert.Contains("built-in local Authing stand-in at http://127.0.0.1:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_without_an_app_host_or_stand_in_are_refused_with_exit_2_and_nothing_on_stdout()
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
    public async Task No_configuration_at_all_is_refused_too()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "some-token");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Stand_in_wins_over_the_app_host_variable()
    {
        var environment = CliRun.CredentialsEnvironment();
        environment["AUTHING_APP_HOST"] = "https://example.authing.cn";

        var result = await CliRun.RunAsync(environment, "revoke", "--stand-in", "some-token");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
    }

    [Fact]
    public async Task Stand_in_with_an_app_host_flag_is_a_usage_error()
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "--app-host", "https://example.authing.cn", "some-token");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("not both", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stand_in_is_configured_with_the_given_app_id_secret_and_method()
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "t-1", "t-2", "--auth-method", "client_secret_basic", "--hint", "access_token");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true"], result.StdoutLines);
        Assert.DoesNotContain(CliRun.FakeSecret, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stand_in_serves_a_public_oauth_client()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "--stand-in", "t-1", "--protocol", "oauth", "--auth-method", "none");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
    }

    [Fact]
    public async Task An_empty_app_host_variable_is_a_configuration_error_not_a_silent_switch_to_the_stand_in()
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
