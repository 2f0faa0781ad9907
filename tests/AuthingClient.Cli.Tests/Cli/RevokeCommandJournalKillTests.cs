using System.Diagnostics;
using AuthingClient.Cli.Tests.Support;
using AuthingClient.Testing;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>--journal against a real kill -9: the CLI runs as its own process, and is killed mid-run.</summary>
public class RevokeCommandJournalKillTests
{
    private const int Tokens = 2000;
    private const int AnsweredBeforeKill = 600;
    private const int Concurrency = 8;

    [Fact]
    public async Task Journal_RunKilledWithSigkill_ResumesSendingOnlyUnsettledTokensAndReportsEveryToken()
    {
        using var authing = AuthingStandIn.Start(new AuthingStandInOptions { AppId = CliRun.AppId, AppSecret = CliRun.FakeSecret });
        using var hold = authing.HoldRequests(after: AnsweredBeforeKill);
        using var input = TokenFile.With(string.Concat(Enumerable.Range(0, Tokens).Select(i => $"kill-test-token-{i:D5}\n")));
        using var journal = TokenFile.Unused();
        string[] args = ["revoke", "--from-file", input.Path, "--journal", journal.Path, "--concurrency", $"{Concurrency}", "--app-host", authing.CreateClientOptions().AppHost!, "-q"];

        using (var cli = StartProcess(args))
        {
            try
            {
                Assert.True(await Waiting.Until(hold.FirstHeld), "The CLI never got past the answered requests.");
            }
            finally
            {
                cli.Kill(entireProcessTree: true);
                await cli.WaitForExitAsync();
            }
        }

        hold.Release();
        var settled = File.ReadAllLines(journal.Path).Length - 1;
        var sentBefore = authing.RequestCount;

        var rerun = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), args);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(Tokens, rerun.StdoutLines.Length);
        Assert.All(rerun.StdoutLines, line => Assert.Equal("true", line));

        // Lost: at most the requests in flight (held, or answered but not yet read) when it was killed.
        Assert.InRange(settled, AnsweredBeforeKill - Concurrency, AnsweredBeforeKill);
        Assert.Equal(Tokens - settled, authing.RequestCount - sentBefore);
    }

    private static Process StartProcess(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "authing-revoke.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in CliRun.CredentialsEnvironment())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;

        // Read and drop the output, so a full pipe never blocks the CLI.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
