using System.Globalization;
using AuthingClient.Cli.Progress;
using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Output;

/// <summary>The last stderr line of a run over streamed input, or of an interrupted run.</summary>
internal static class RunSummary
{
    /// <summary>
    /// <c>finished: 40000 tokens in 16.7 s (2400/s): 39950 revoked, 30 not revoked, 20 failed, 0 invalid.</c>,
    /// or <c>interrupted: 12000 tokens reported in …</c> with where to resume.
    /// </summary>
    public static string Of(TallySnapshot tally, bool interrupted, string resumeHint)
    {
        var totals = string.Create(
            CultureInfo.InvariantCulture,
            $"{tally.Done} tokens{(interrupted ? " reported" : string.Empty)} in {ProgressText.Duration(tally.Elapsed)} ({ProgressText.Rate(tally)}): {ProgressText.Counts(tally)}{ProgressText.Pace(tally.Pace)}");
        return interrupted
            ? $"interrupted: {totals}. Requests in flight were cancelled and are not reported; {resumeHint}."
            : $"finished: {totals}.";
    }
}
