using System.Security.Cryptography;
using System.Text;
using AuthingClient.Cli.Tests.Support;
using AuthingClient.Testing;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>--journal: a re-run skips what was settled and still reports everything, in input order.</summary>
public sealed class RevokeCommandJournalTests : IDisposable
{
    private readonly TokenFile _journal = TokenFile.Unused();
    private readonly AuthingStandIn _authing = AuthingStandIn.Start(new AuthingStandInOptions { AppId = CliRun.AppId, AppSecret = CliRun.FakeSecret });

    public void Dispose()
    {
        _authing.Dispose();
        _journal.Dispose();
    }

    [Fact]
    public async Task Journal_Rerun_SendsOnlyUnsettledTokensAndPrintsEveryResultInInputOrder()
    {
        var first = await RunAsync("token-b\ntoken-d\n");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, _authing.RequestCount);

        var rerun = await RunAsync("token-a\ntoken-b\ntoken-c\ntoken-d\ntoken-e\n");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(["true", "true", "true", "true", "true"], rerun.StdoutLines);
        Assert.Equal(5, _authing.RequestCount);
        Assert.Contains("2 token(s) already settled", rerun.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_SettledTokens_KeepTheirJsonResult()
    {
        await RunAsync("token-a\n");

        var rerun = await RunAsync("token-a\n", "--json");

        Assert.Equal([$$"""{"token":"{{Fingerprint.Of("token-a")}}","revoked":true,"outcome":"revoked","status":null,"error":null}"""], rerun.StdoutLines);
        Assert.Equal(1, _authing.RequestCount);
    }

    [Fact]
    public async Task Journal_FailedToken_IsNotSettledAndTheRerunSendsItAgain()
    {
        _authing.EnqueueFault(new StandInFault(System.Net.HttpStatusCode.BadRequest) { Error = "invalid_request" });
        var first = await RunAsync("token-a\ntoken-b\n", "--concurrency", "1");
        Assert.Equal(3, first.ExitCode);

        var rerun = await RunAsync("token-a\ntoken-b\n");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(["true", "true"], rerun.StdoutLines);
        Assert.Equal(3, _authing.RequestCount);
    }

    [Fact]
    public async Task Journal_Created_IsOwnerOnlyAndHoldsHashesNeverTheTokens()
    {
        await RunAsync("token-secret-aaaa\ntoken-secret-bbbb\n");

        var text = File.ReadAllText(_journal.Path);
        Assert.DoesNotContain("token-secret", text, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("token-secret-aaaa"))) + " r\n", text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_journal.Path));
        }
    }

    [Fact]
    public async Task Journal_RecordTornByACrash_IsDroppedAndThatTokenIsSentAgain()
    {
        await RunAsync("token-a\ntoken-b\n", "--concurrency", "1");

        // kill -9 in the middle of a write leaves a line without its newline.
        var text = File.ReadAllText(_journal.Path);
        File.WriteAllText(_journal.Path, text[..^10]);

        var rerun = await RunAsync("token-a\ntoken-b\n");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(["true", "true"], rerun.StdoutLines);
        Assert.Equal(3, _authing.RequestCount);
        Assert.Equal(text, File.ReadAllText(_journal.Path));
    }

    [Fact]
    public async Task Journal_OfAnotherAppHost_IsRefusedBeforeAnythingIsSent()
    {
        await RunAsync("token-a\n");
        using var other = AuthingStandIn.Start(new AuthingStandInOptions { AppId = CliRun.AppId, AppSecret = CliRun.FakeSecret });

        using var file = TokenFile.With("token-a\n");
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--from-file", file.Path, "--journal", _journal.Path, "--app-host", other.CreateClientOptions().AppHost!);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("journal of another run", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, other.RequestCount);
    }

    [Fact]
    public async Task Journal_FileThatIsNotAJournal_IsRefusedAndLeftAsItWas()
    {
        File.WriteAllText(_journal.Path, "token-a\n");

        var result = await RunAsync("token-a\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not an authing-revoke journal", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("token-a\n", File.ReadAllText(_journal.Path));
        Assert.Equal(0, _authing.RequestCount);
    }

    [Fact]
    public async Task Journal_SameAsTheInputFile_IsRefused()
    {
        using var file = TokenFile.With("token-a\n");

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--from-file", file.Path, "--journal", file.Path, "--app-host", _authing.CreateClientOptions().AppHost!);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--journal must be a file of its own", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_RunInterruptedByCtrlC_ResumesWithoutResendingTheSettledTokens()
    {
        var tokens = string.Concat(Enumerable.Range(0, 200).Select(i => $"token-{i:D3}\n"));
        using var ctrlC = new CancellationTokenSource();
        var console = CliRun.Console(stdout: new CountingWriter(target: 50, atTarget: ctrlC.Cancel));
        using (var file = TokenFile.With(tokens))
        {
            var interrupted = await CliRun.RunAsync(console, CliRun.CredentialsEnvironment(), ctrlC.Token, "revoke", "--from-file", file.Path, "--journal", _journal.Path, "--concurrency", "4", "--app-host", _authing.CreateClientOptions().AppHost!);
            Assert.Equal(130, interrupted.ExitCode);
        }

        var sentBefore = _authing.RequestCount;
        var rerun = await RunAsync(tokens);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(200, rerun.StdoutLines.Length);
        Assert.All(rerun.StdoutLines, line => Assert.Equal("true", line));

        // At most the requests in flight at the interruption (4) are sent twice.
        Assert.InRange(_authing.RequestCount, 200, 200 + 4);
        Assert.True(sentBefore >= 50);
    }

    private async Task<CliResult> RunAsync(string fileText, params string[] args)
    {
        using var file = TokenFile.With(fileText);
        return await CliRun.RunAsync(CliRun.CredentialsEnvironment(), ["revoke", "--from-file", file.Path, "--journal", _journal.Path, .. args, "--app-host", _authing.CreateClientOptions().AppHost!]);
    }
}
