using AuthingClient.Cli.Input;
using AuthingClient.Cli.Journal;
using AuthingClient.Cli.Output;
using AuthingClient.Cli.Pacing;
using AuthingClient.Cli.Progress;
using AuthingClient.Cli.Settings;
using Microsoft.Extensions.Options;

namespace AuthingClient.Cli.Revocation;

/// <summary>
/// One <c>revoke</c> run: set up the client (or the built-in stand-in), the input and the
/// <c>--failed-to</c> file, revoke the tokens (<see cref="OrderedRevocations"/>) while progress
/// is shown, summarize, and choose the exit code.
/// </summary>
internal static class RevokeRun
{
    public static async Task<int> RunAsync(CliSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        var tally = new RunTally(console.Time);
        var display = ProgressDisplay.Create(console, tally, ShowsProgress(settings));
        var output = new OutputWriter(console.Out, display, settings.Json);

        var (created, refused) = CreateTarget(settings, console.Time, output);
        if (created is not { } target)
        {
            return refused;
        }

        using (target)
        {
            tally.Pace = target.Pace;
            if (target.StandIn is { } standIn)
            {
                output.Notice($"--stand-in: revoking at the built-in local Authing stand-in at {standIn.Url}. Nothing is revoked at Authing.");
            }

            if (TryOpen(() => TokenInput.Open(settings.Source, console.In), "cannot read the tokens:", output) is not { } input)
            {
                return ExitCodes.UsageError;
            }

            using (input)
            {
                var failedTokens = settings.FailedTo is { } path ? TryOpen(() => FailedTokensFile.Create(path), "cannot create the --failed-to file:", output) : null;
                if (settings.FailedTo is not null && failedTokens is null)
                {
                    return ExitCodes.UsageError;
                }

                await using (failedTokens)
                {
                    var journal = settings.Journal is { } journalPath ? TryOpen(() => RunJournal.Open(journalPath, settings.JournalTarget, console.Time), "cannot use the --journal file:", output) : null;
                    if (settings.Journal is not null && journal is null)
                    {
                        return ExitCodes.UsageError;
                    }

                    using var journalScope = journal;
                    var run = new Run(settings, target, input, new ResultSink(output, tally, failedTokens, input), journal, console.Time);
                    var finished = await run.RevokeAllAsync(display, tally, cancellationToken).ConfigureAwait(false);
                    if (settings.Source.IsStreamed || !finished)
                    {
                        output.Notice(RunSummary.Of(tally.Snapshot(), interrupted: !finished, input.ResumeHint(run.Sink.LastReported)));
                    }

                    if (journal is not null)
                    {
                        output.Notice($"--journal: {journal.Skipped} token(s) already settled in {journal.Path} were reported from it, not sent again.");
                    }

                    if (failedTokens is not null)
                    {
                        output.Notice($"{failedTokens.Count} token(s) to retry written to {failedTokens.Path} (readable by its owner only).");
                    }

                    return finished ? tally.ExitCode : ExitCodes.Cancelled;
                }
            }
        }
    }

    /// <summary>Progress is for streamed input: with TOKEN arguments, stderr has the reasons alone, as scripts expect.</summary>
    private static bool ShowsProgress(CliSettings settings) => settings.Source.IsStreamed && !settings.Quiet;

    /// <summary>The run's target, or why there is none: the exit code to end with.</summary>
    private static (RevocationTarget? Target, int Refused) CreateTarget(CliSettings settings, TimeProvider time, OutputWriter output)
    {
        if (settings.HasNoTarget)
        {
            // An incident tool must never print "true" for a run that revoked nothing.
            output.Problems("no Authing to revoke at:", [$"set --app-host URL or {EnvironmentVariables.AppHost} to revoke at Authing, or pass --stand-in to try the CLI against a local stand-in (nothing is revoked at Authing)."]);
            return (null, ExitCodes.UsageError);
        }

        try
        {
            return (RevocationTarget.Create(settings, time), ExitCodes.AllRevoked);
        }
        catch (OptionsValidationException ex)
        {
            // The library's messages name the setting and never contain the secret.
            output.Problems("invalid configuration:", ex.Failures.Select(ConfigurationHints.Explain));
            return (null, ExitCodes.UsageError);
        }
        catch (ArgumentException ex)
        {
            // The stand-in refused its settings (e.g. an empty app id), or --registry is not a
            // Redis configuration string; neither message contains a secret.
            output.Problems("invalid configuration:", [ex.Message]);
            return (null, ExitCodes.UsageError);
        }
        catch (RegistryUnreachableException ex)
        {
            output.Problems("the run did not start:", [ex.Message]);
            return (null, ExitCodes.RequestFailed);
        }
    }

    /// <summary>Opens a file the run needs; <see langword="null"/> after reporting why it cannot be.</summary>
    private static T? TryOpen<T>(Func<T> open, string problem, OutputWriter output)
        where T : class
    {
        try
        {
            return open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The messages name the file, never its content.
            output.Problems(problem, [ex.Message]);
            return null;
        }
    }

    /// <summary>The revocations of one run, with the input counted beside them when progress shows a total.</summary>
    private sealed class Run(CliSettings settings, RevocationTarget target, TokenInput input, ResultSink sink, RunJournal? journal, TimeProvider time)
    {
        /// <summary>How many revoked tokens the built-in stand-in may remember (see <see cref="RevokeAsync"/>).</summary>
        private const int StandInRecordLimit = 10_000;

        private long _started;

        public ResultSink Sink => sink;

        public async Task<bool> RevokeAllAsync(ProgressDisplay display, RunTally tally, CancellationToken cancellationToken)
        {
            tally.Restart();
            using var stopCounting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var counting = ShowsProgress(settings) ? Task.Run(() => CountAsync(tally, stopCounting.Token), CancellationToken.None) : Task.CompletedTask;
            try
            {
                var revocations = new OrderedRevocations(settings.Concurrency, RevokeAsync, sink);
                return await display.ShowWhileAsync(() => revocations.RunAsync(input.ReadAsync(cancellationToken), cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                await stopCounting.CancelAsync().ConfigureAwait(false);
                await counting.ConfigureAwait(false);
            }
        }

        private Task<TokenOutcome> RevokeAsync(InputToken token, CancellationToken cancellationToken)
        {
            if (token.Truncated)
            {
                return Task.FromResult(TokenOutcome.Invalid($"the line is longer than {TokenLines.MaxLineLength} characters: no token is, and it was not kept (nor copied to a --failed-to file)."));
            }

            // The stand-in records every token it revoked, for tests to inspect. Nothing inspects them
            // here, and a run of millions of tokens must not grow with them: forget them now and then.
            if (target.StandIn is { } standIn && ++_started % StandInRecordLimit == 0)
            {
                standIn.Reset();
            }

            if (journal is null)
            {
                return RevokeNowAsync(token.Text, cancellationToken);
            }

            var key = RunJournal.KeyOf(token.Text);
            return journal.Settled(key) is { } settled ? Task.FromResult(settled) : RevokeAndRecordAsync(journal, key, token.Text, cancellationToken);
        }

        /// <summary>Recorded as soon as the answer is in, not when its turn to be reported comes: a crash loses only what was in flight.</summary>
        private async Task<TokenOutcome> RevokeAndRecordAsync(RunJournal journal, TokenKey key, string token, CancellationToken cancellationToken)
        {
            var outcome = await RevokeNowAsync(token, cancellationToken).ConfigureAwait(false);
            journal.Record(key, outcome);
            return outcome;
        }

        private Task<TokenOutcome> RevokeNowAsync(string token, CancellationToken cancellationToken) =>
            PacedRevocation.RevokeAsync(
                target.Pace,
                time,
                () => TokenRevoker.RevokeAsync(target.Client, token, settings.Hint, settings.AppSecret, cancellationToken),
                cancellationToken);

        private async Task CountAsync(RunTally tally, CancellationToken cancellationToken)
        {
            try
            {
                tally.Total = await input.CountAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or UnauthorizedAccessException)
            {
                // The total is a nicety for progress: without it, progress shows the count and rate only.
            }
        }
    }
}
