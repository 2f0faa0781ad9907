using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>Ctrl-C: stop reading, cancel what is in flight, report what was done and where to resume, exit 130.</summary>
public class RevokeCommandInterruptTests
{
    [Fact]
    public async Task CtrlC_AfterTenResults_Exits130WithExactlyThoseTenLinesInOrderAndSaysWhereToResume()
    {
        var tokens = Enumerable.Range(1, 300).Select(i => $"token-{i:D3}").ToArray();
        using var file = TokenFile.With(string.Join('\n', tokens) + "\n");
        using var ctrlC = new CancellationTokenSource();
        var stdout = new CountingWriter(target: 10, atTarget: ctrlC.Cancel);

        var result = await CliRun.RunAsync(CliRun.Console(stdout: stdout), CliRun.EmptyEnvironment(), ctrlC.Token, "revoke", "--stand-in", "--from-file", file.Path, "--json", "--concurrency", "4");

        Assert.Equal(130, result.ExitCode);
        Assert.Equal(tokens.Take(10).Select(Fingerprint.Of), Fingerprint.InJsonLines(result));
        Assert.Contains("authing-revoke: interrupted: 10 tokens reported in ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"resume from line 11 of {file.Path}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlC_WithTokenArguments_NamesTheTokenToResumeFrom()
    {
        using var ctrlC = new CancellationTokenSource();
        var stdout = new CountingWriter(target: 1, atTarget: ctrlC.Cancel);

        var result = await CliRun.RunAsync(CliRun.Console(stdout: stdout), CliRun.EmptyEnvironment(), ctrlC.Token, "revoke", "--stand-in", "token-a", "token-b", "token-c", "--concurrency", "1");

        Assert.Equal(130, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
        Assert.Contains("resume from TOKEN 2 of 3", result.Stderr, StringComparison.Ordinal);
    }
}
