using AuthingClient.Cli.Pacing;

namespace AuthingClient.Cli.Revocation;

/// <summary>
/// The counts of a run so far, and its clock. Written by the one loop that reports results, read at
/// any time by progress displays (hence the interlocked fields). Holds counts only, never the
/// outcomes themselves, so it stays the same size however many tokens a run has.
/// </summary>
internal sealed class RunTally
{
    private readonly TimeProvider _time;
    private long _started;
    private long _revoked;
    private long _notRevoked;
    private long _failed;
    private long _invalid;
    private long _total = -1;

    public RunTally(TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Starts the clock again: elapsed time and rates are those of the revocations, not of the set-up before them.</summary>
    public void Restart() => Interlocked.Exchange(ref _started, _time.GetTimestamp());

    /// <summary>How many tokens the input has, once known (see <c>TokenInput.CountAsync</c>).</summary>
    public long? Total
    {
        get => Interlocked.Read(ref _total) is var total and >= 0 ? total : null;
        set => Interlocked.Exchange(ref _total, value ?? -1);
    }

    /// <summary>The run's pace, once the client is set up: progress shows its rate and throttling.</summary>
    public RunPace? Pace { get; set; }

    /// <summary>The exit code for the outcomes counted so far (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode => Snapshot() switch
    {
        { Invalid: > 0 } => ExitCodes.UsageError,
        { Failed: > 0 } => ExitCodes.RequestFailed,
        { NotRevoked: > 0 } => ExitCodes.NotRevoked,
        _ => ExitCodes.AllRevoked,
    };

    public void Add(TokenOutcome outcome)
    {
        if (outcome.NotSent)
        {
            Interlocked.Increment(ref _invalid);
        }
        else if (!outcome.Settled)
        {
            Interlocked.Increment(ref _failed);
        }
        else if (outcome.Outcome == RevocationOutcome.Revoked)
        {
            Interlocked.Increment(ref _revoked);
        }
        else
        {
            Interlocked.Increment(ref _notRevoked);
        }
    }

    public TallySnapshot Snapshot() => new(
        Interlocked.Read(ref _revoked),
        Interlocked.Read(ref _notRevoked),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _invalid),
        Total,
        _time.GetElapsedTime(Interlocked.Read(ref _started)))
    {
        Pace = Pace is { } pace ? new PaceSnapshot(pace.Rate, pace.ThrottledAnswers, pace.IsPaused) : null,
    };
}

/// <summary>The run's pace at one moment.</summary>
/// <param name="Rate">The limit in requests per second; <see langword="null"/> for none.</param>
/// <param name="ThrottledAnswers">How many answers were 429, or 503 with <c>Retry-After</c>.</param>
/// <param name="Paused">Whether every worker waits for the server's <c>Retry-After</c> now.</param>
internal readonly record struct PaceSnapshot(double? Rate, long ThrottledAnswers, bool Paused);

/// <summary>The counts of a run at one moment.</summary>
internal readonly record struct TallySnapshot(long Revoked, long NotRevoked, long Failed, long Invalid, long? Total, TimeSpan Elapsed)
{
    /// <summary>The run's pace, when known.</summary>
    public PaceSnapshot? Pace { get; init; }

    /// <summary>Tokens reported so far, whatever their outcome.</summary>
    public long Done => Revoked + NotRevoked + Failed + Invalid;

    /// <summary>Tokens per second since the start (a whole-run average: steady, and what the summary reports); unknown before any time has passed.</summary>
    public double? Rate => Elapsed > TimeSpan.Zero ? Done / Elapsed.TotalSeconds : null;

    /// <summary>The time left at <see cref="Rate"/>, when the total is known and something was done.</summary>
    public TimeSpan? Remaining => Total is { } total && Rate is > 0 and var rate && total > Done
        ? TimeSpan.FromSeconds((total - Done) / rate)
        : null;
}
