using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>Tokens from standard input: <c>-</c> as the only TOKEN, or <c>--from-file -</c>.</summary>
public class RevokeCommandStandardInputTests
{
    [Theory]
    [InlineData("-")]
    [InlineData("--from-file", "-")]
    public async Task StandardInput_DashOrFromFileDash_IsReadOneTokenPerLine(params string[] source)
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();
        var console = CliRun.Console(new StringReader("token-a\r\n\ntoken-b\n"));

        var result = await CliRun.RunAsync(console, CliRun.CredentialsEnvironment(), ["revoke", .. source, "--app-host", authing.Url]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true"], result.StdoutLines);
        Assert.Equal(["token-a", "token-b"], authing.SortedTokensSent);
        Assert.Contains("finished: 2 tokens", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandardInput_StillWaitingForMore_EachResultIsWrittenAsSoonAsKnown()
    {
        var input = new FeedReader();
        var stdout = new CountingWriter(target: 2);
        var run = CliRun.RunAsync(CliRun.Console(input, stdout), CliRun.EmptyEnvironment(), "revoke", "--stand-in", "-");

        input.Write("token-a\ntoken-b\n");
        var reportedBeforeEndOfInput = await Waiting.Until(stdout.Reached);
        input.End();
        var result = await run;

        Assert.True(reportedBeforeEndOfInput);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task StandardInput_DashAmongOtherTokens_Exits2()
    {
        var result = await CliRun.RunAsync(CliRun.Console(new StringReader("token-a\n")), CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "token-b", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("must be the only TOKEN", result.Stderr, StringComparison.Ordinal);
    }
}
