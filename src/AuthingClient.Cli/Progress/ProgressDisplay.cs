using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Progress;

/// <summary>
/// Stderr while a run goes on: the messages (reasons, notices) and, for streamed input, its
/// progress. On a terminal a person watches, a live bar (<see cref="ProgressBar"/>); otherwise plain
/// progress lines now and then (<see cref="ProgressLines"/>), which a log keeps readable. Progress
/// never goes to stdout, so <c>--json</c> output stays pure JSON.
/// </summary>
internal abstract class ProgressDisplay
{
    /// <summary>How often a progress line is written when stderr is not a terminal.</summary>
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    /// <summary>Chooses the display for a run.</summary>
    /// <param name="console">The console; its <see cref="CliConsole.ErrorIsTerminal"/> picks the bar.</param>
    /// <param name="tally">The counts to show.</param>
    /// <param name="showProgress">Whether to show progress at all (streamed input, no <c>--quiet</c>).</param>
    public static ProgressDisplay Create(CliConsole console, RunTally tally, bool showProgress) =>
        !showProgress ? new ProgressLines(console.Error, tally, console.Time, interval: null)
        : console.ErrorIsTerminal ? new ProgressBar(console, tally)
        : new ProgressLines(console.Error, tally, console.Time, LineInterval);

    /// <summary>Writes a line on stderr (above the bar, if one is shown). Thread-safe.</summary>
    public abstract void WriteLine(string line);

    /// <summary>Shows progress while <paramref name="work"/> runs; nothing of it is left once it returns.</summary>
    public abstract Task<T> ShowWhileAsync<T>(Func<Task<T>> work);
}
