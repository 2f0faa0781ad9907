using AuthingClient.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>Progress on stderr for streamed input: plain lines in logs, a live bar on a terminal.</summary>
public class RevokeCommandProgressTests
{
    [Fact]
    public async Task Progress_NoTerminal_WritesALineEveryFiveSecondsOfTheClock()
    {
        var run = await FedRun.StartAsync("token-a\ntoken-b\ntoken-c\n", results: 3);

        run.Time.Advance(TimeSpan.FromSeconds(4.9));
        var beforeFiveSeconds = run.ProgressLines();
        run.Time.Advance(TimeSpan.FromSeconds(0.1));
        var afterFiveSeconds = run.ProgressLines();
        run.Time.Advance(TimeSpan.FromSeconds(5));
        var afterTenSeconds = run.ProgressLines();
        var result = await run.FinishAsync();

        Assert.Empty(beforeFiveSeconds);
        Assert.Equal(["authing-revoke: progress: 3 done (3 revoked, 0 not revoked, 0 failed, 0 invalid), 0.6/s"], afterFiveSeconds);
        Assert.Equal("authing-revoke: progress: 3 done (3 revoked, 0 not revoked, 0 failed, 0 invalid), 0.3/s", afterTenSeconds[^1]);
        Assert.Equal(2, afterTenSeconds.Length);
        Assert.Contains("authing-revoke: finished: 3 tokens in 10.0 s (0.3/s): 3 revoked, 0 not revoked, 0 failed, 0 invalid.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_Quiet_WritesNoProgressButStillTheSummary()
    {
        var run = await FedRun.StartAsync("token-a\n", results: 1, "--quiet");

        run.Time.Advance(TimeSpan.FromSeconds(30));
        var progress = run.ProgressLines();
        var result = await run.FinishAsync();

        Assert.Empty(progress);
        Assert.Contains("authing-revoke: finished: 1 tokens", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_OnATerminal_DrawsALiveBarOnStderrAndStdoutHasOnlyTheResults()
    {
        using var file = TokenFile.With("token-a\ntoken-b\ntoken-c\ntoken-d\ntoken-e\n");
        var console = CliRun.Console() with { ErrorIsTerminal = true, Time = new FakeTimeProvider() };

        var result = await CliRun.RunAsync(console, CliRun.EmptyEnvironment(), "revoke", "--stand-in", "--from-file", file.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true", "true", "true", "true"], result.StdoutLines);
        Assert.Contains("\u001b[", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"5 (of 5 )?done, \?/s", result.Stderr);
        Assert.Contains("authing-revoke: finished: 5 tokens", result.Stderr, StringComparison.Ordinal);
    }
}
