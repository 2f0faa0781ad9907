using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

public class RevokeCommandHelpTests
{
    [Fact]
    public async Task Help_describes_every_option_the_environment_variables_and_the_exit_codes()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var expected in new[]
        {
            "<TOKEN>", "--app-host", "--stand-in", "--app-id", "--protocol", "--auth-method", "--hint", "--json",
            "--from-file", "--concurrency", "--rate", "--journal", "--failed-to", "--quiet",
            "AUTHING_APP_HOST", "AUTHING_APP_ID", "AUTHING_APP_SECRET",
            "Exit codes:", "  0 ", "  1 ", "  2 ", "  3 ",
        })
        {
            Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_without_a_token_is_not_a_usage_error()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "-h");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Top_level_help_lists_the_revoke_command()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("revoke", result.Stdout, StringComparison.Ordinal);
    }
}
