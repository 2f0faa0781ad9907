using System.Globalization;
using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Progress;

/// <summary>
/// How progress and the final summary read, in one place for the progress lines, the progress bar
/// and the summary. Plain numbers (no thousands separators) so that scripts can parse them.
/// </summary>
internal static class ProgressText
{
    /// <summary>A progress line, e.g. <c>progress: 12000 of 40000 done (11950 revoked, 30 not revoked, 20 failed, 0 invalid), 2400/s, ETA 0:00:12</c>.</summary>
    public static string Line(TallySnapshot tally) => $"progress: {Done(tally)} ({Counts(tally)}), {Speed(tally)}{Pace(tally.Pace)}";

    /// <summary>
    /// The pace, once there is one to tell: <c>; paused by the server (Retry-After), throttled 42 times (429/503), pace 127/s</c>,
    /// <c>; pace 100/s</c>, or nothing without a rate or throttling.
    /// </summary>
    public static string Pace(PaceSnapshot? pace) => pace switch
    {
        { ThrottledAnswers: > 0 } throttled =>
            Invariant($"; {(throttled.Paused ? "paused by the server (Retry-After), " : string.Empty)}throttled {throttled.ThrottledAnswers} times (429/503)") + (throttled.Rate is { } rate ? $", {RateLimit(rate)}" : string.Empty),
        { Rate: { } rate } => $"; {RateLimit(rate)}",
        _ => string.Empty,
    };

    private static string RateLimit(double rate) => Invariant($"pace {rate:0.#}/s");

    /// <summary><c>12000 of 40000 done</c>, or <c>12000 done</c> while the total is not known.</summary>
    public static string Done(TallySnapshot tally) => tally.Total is { } total
        ? Invariant($"{tally.Done} of {total} done")
        : Invariant($"{tally.Done} done");

    /// <summary><c>11950 revoked, 30 not revoked, 20 failed, 0 invalid</c>.</summary>
    public static string Counts(TallySnapshot tally) =>
        Invariant($"{tally.Revoked} revoked, {tally.NotRevoked} not revoked, {tally.Failed} failed, {tally.Invalid} invalid");

    /// <summary>The rate, and the time left when it can be told: <c>2400/s, ETA 0:00:12</c>.</summary>
    public static string Speed(TallySnapshot tally) => tally.Remaining is { } remaining
        ? $"{Rate(tally)}, ETA {Duration(remaining)}"
        : Rate(tally);

    /// <summary><c>2400/s</c>, <c>0.6/s</c>, or <c>?/s</c> before any time has passed.</summary>
    public static string Rate(TallySnapshot tally) => tally.Rate switch
    {
        null => "?/s",
        < 10 and var slow => Invariant($"{slow:0.0}/s"),
        var fast => Invariant($"{fast:0}/s"),
    };

    /// <summary><c>4.2 s</c> under a minute, else <c>1:02:03</c>.</summary>
    public static string Duration(TimeSpan duration) => duration < TimeSpan.FromMinutes(1)
        ? Invariant($"{duration.TotalSeconds:0.0} s")
        : Invariant($"{(long)duration.TotalHours}:{duration.Minutes:00}:{duration.Seconds:00}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
