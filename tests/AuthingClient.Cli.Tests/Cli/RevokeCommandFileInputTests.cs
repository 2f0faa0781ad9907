using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>Tokens from <c>--from-file</c>: one per line, streamed, reported in file order.</summary>
public class RevokeCommandFileInputTests
{
    [Fact]
    public async Task FromFile_CrlfBlankLinesAndPadding_SendsEachTokenExactlyAndPrintsOneLinePerToken()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunOverFileAsync(authing, "token-a\r\n\r\n  token-b \t\n\n   \ntoken-c");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true", "true"], result.StdoutLines);
        Assert.Equal(["token-a", "token-b", "token-c"], authing.SortedTokensSent);
    }

    [Fact]
    public async Task FromFile_InvalidLine_PrintsAnErrorNamingItsLineNumberAndGoesOn()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunOverFileAsync(authing, "token-a\n\nbad\u0001token\ntoken-c\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["true", "error", "true"], result.StdoutLines);
        Assert.Contains($"line 3 ({Fingerprint.Of("bad\u0001token")}): ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, authing.Requests.Count);
    }

    [Fact]
    public async Task FromFile_LoneCarriageReturn_IsNoLineBreakSoTheLineIsReportedInvalidNotSplit()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunOverFileAsync(authing, "token-a\rtoken-b\n");

        Assert.Equal(["error"], result.StdoutLines);
        Assert.Empty(authing.Requests);
    }

    [Fact]
    public async Task FromFile_RunEnds_SummaryOnStderrCountsEachOutcome()
    {
        using var authing = FakeAuthing.Start()
            .AnswerOkByDefault()
            .AnswerForToken("token-jwt", 400, "unsupported_token_type")
            .AnswerForToken("token-denied", 401, "invalid_client");

        var result = await CliRun.RunOverFileAsync(authing, "token-ok\ntoken-jwt\ntoken-denied\nbad\u0001token\ntoken-ok2\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("authing-revoke: finished: 5 tokens in ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(": 2 revoked, 1 not revoked, 1 failed, 1 invalid.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_TokenArguments_PrintsNoSummarySoStderrKeepsOnlyTheReasons()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-a", "token-b", "--app-host", authing.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task FromFile_MissingFile_Exits2SayingTheTokensCannotBeRead()
    {
        using var file = TokenFile.Unused();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "--from-file", file.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("cannot read the tokens", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromFile_WithTokenArguments_Exits2()
    {
        using var file = TokenFile.With("token-a\n");

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "token-b", "--from-file", file.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not both", result.Stderr, StringComparison.Ordinal);
    }
}
