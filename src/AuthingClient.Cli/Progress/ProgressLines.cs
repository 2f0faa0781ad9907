using AuthingClient.Cli.Output;
using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Progress;

/// <summary>
/// Plain stderr lines: the messages as they come and, every <c>interval</c> (from the
/// <see cref="TimeProvider"/>, so tests drive it), one progress line. Time-based rather than every N
/// tokens: a steady heartbeat whatever the rate, and a stalled run shows as a falling rate.
/// </summary>
internal sealed class ProgressLines : ProgressDisplay
{
    private readonly Lock _lock = new();
    private readonly TextWriter _stderr;
    private readonly RunTally _tally;
    private readonly TimeProvider _time;
    private readonly TimeSpan? _interval;

    /// <param name="stderr">Where the lines go.</param>
    /// <param name="tally">The counts to show.</param>
    /// <param name="time">The clock for the interval.</param>
    /// <param name="interval">How often to write a progress line; <see langword="null"/> for none.</param>
    public ProgressLines(TextWriter stderr, RunTally tally, TimeProvider time, TimeSpan? interval)
    {
        _stderr = stderr;
        _tally = tally;
        _time = time;
        _interval = interval;
    }

    public override void WriteLine(string line)
    {
        lock (_lock)
        {
            _stderr.WriteLine(line);
        }
    }

    public override async Task<T> ShowWhileAsync<T>(Func<Task<T>> work)
    {
        if (_interval is not { } interval)
        {
            return await work().ConfigureAwait(false);
        }

        // Disposed asynchronously: that waits for a progress line being written, so none comes after the summary.
        var timer = _time.CreateTimer(_ => WriteLine($"{OutputWriter.Program}: {ProgressText.Line(_tally.Snapshot())}"), state: null, interval, interval);
        await using (timer.ConfigureAwait(false))
        {
            return await work().ConfigureAwait(false);
        }
    }
}
