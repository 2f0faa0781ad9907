using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary><c>--failed-to</c>: the tokens to retry, in a file only its owner can read.</summary>
public class RevokeCommandFailedToTests
{
    [Fact]
    public async Task FailedTo_FailedAndInvalidTokens_AreListedInInputOrderReadyForARerun()
    {
        using var authing = FakeAuthing.Start()
            .AnswerOkByDefault()
            .AnswerForToken("token-jwt", 400, "unsupported_token_type")
            .AnswerForToken("token-denied", 401, "invalid_client")
            .AnswerForToken("token-refused", 400, "invalid_request");
        using var failed = TokenFile.Unused();

        var result = await CliRun.RunOverFileAsync(authing, "token-ok\ntoken-denied\ntoken-jwt\nbad\u0001token\r\ntoken-refused\n", "--failed-to", failed.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("token-denied\nbad\u0001token\ntoken-refused\n", await File.ReadAllTextAsync(failed.Path));
        Assert.Contains($"3 token(s) to retry written to {failed.Path}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedTo_LineTooLongToBeAToken_IsReportedInvalidWithoutBeingKeptOrCopied()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();
        using var failed = TokenFile.Unused();

        var result = await CliRun.RunOverFileAsync(authing, new string('x', 200_000) + "\ntoken-ok\n", "--failed-to", failed.Path);

        Assert.Equal(["error", "true"], result.StdoutLines);
        Assert.Contains("line 1 (", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await File.ReadAllTextAsync(failed.Path));
        Assert.Equal(["token-ok"], authing.SortedTokensSent);
    }

    [Fact]
    public async Task FailedTo_FileNewOrExisting_IsReadableAndWritableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes; on Windows the file gets its folder's access rules.
        }

        using var failed = TokenFile.With("old content\n");
        File.SetUnixFileMode(failed.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "--stand-in", "token-a", "--failed-to", failed.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(failed.Path));
        Assert.Equal(string.Empty, await File.ReadAllTextAsync(failed.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    public async Task FailedTo_EmptyOrStdoutPath_Exits2(string path)
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "token-a", "--failed-to", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--failed-to needs a file path", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedTo_TheInputFileItself_IsRefusedWithExit2AndLeftIntact()
    {
        using var input = TokenFile.With("token-a\n");

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "--from-file", input.Path, "--failed-to", input.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--failed-to", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("token-a\n", await File.ReadAllTextAsync(input.Path));
    }
}
