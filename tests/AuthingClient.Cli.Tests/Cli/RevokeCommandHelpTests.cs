using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

public class RevokeCommandHelpTests
{
    [Fact]
    public async Task Help_Revoke_DescribesEveryOptionTheEnvironmentVariablesAndTheExitCodes()
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
    public async Task Help_WithoutAToken_IsNotAUsageError()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "-h");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Help_TopLevel_ListsTheRevokeCommand()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("revoke", result.Stdout, StringComparison.Ordinal);
    }
}
