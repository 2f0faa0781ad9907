using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary><c>--failed-to</c>: the tokens to retry, in a file only its owner can read.</summary>
public class RevokeCommandFailedToTests
{
    [Fact]
    public async Task The_file_lists_the_failed_and_invalid_tokens_in_input_order_ready_for_a_rerun()
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
    public async Task A_line_too_long_to_be_a_token_is_reported_invalid_without_being_kept_or_copied_to_the_file()
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
    public async Task The_file_is_created_readable_and_writable_by_its_owner_only_even_when_it_existed()
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
    public async Task A_failed_to_path_that_is_empty_or_stdout_exits_2(string path)
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "token-a", "--failed-to", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--failed-to needs a file path", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_input_file_itself_is_refused_with_exit_2_and_left_intact()
    {
        using var input = TokenFile.With("token-a\n");

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "--from-file", input.Path, "--failed-to", input.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--failed-to", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("token-a\n", await File.ReadAllTextAsync(input.Path));
    }
}
