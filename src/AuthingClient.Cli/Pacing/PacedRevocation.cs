using System.Net;
using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Pacing;

/// <summary>
/// Revokes one token at the run's pace, and waits out throttling instead of failing on it: a
/// revocation whose last answer was a throttling one (after the library's own retries) is started
/// again once the pause is over, until <see cref="RunPace.MaxThrottledWait"/> has passed since its
/// first throttled answer.
/// </summary>
internal static class PacedRevocation
{
    // What the PacingHandler tells the revocation running in this async flow.
    private static readonly AsyncLocal<Attempts?> Current = new();

    /// <param name="pace">The run's pace.</param>
    /// <param name="time">The run's clock, for the bound on waiting.</param>
    /// <param name="revoke">Revokes the token once (the library, with its own retries).</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    public static async Task<TokenOutcome> RevokeAsync(RunPace pace, TimeProvider time, Func<Task<TokenOutcome>> revoke, CancellationToken cancellationToken)
    {
        long? firstThrottled = null;
        while (true)
        {
            // Taken before the library starts its attempt time-out, so queueing for the rate never times out a request.
            await pace.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            var attempts = new Attempts { Prepaid = true };
            Current.Value = attempts;
            var outcome = await revoke().ConfigureAwait(false);
            Current.Value = null;

            if (!attempts.LastThrottled || outcome.Outcome != RevocationOutcome.Refused || outcome.Status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            {
                return outcome;
            }

            firstThrottled ??= time.GetTimestamp();
            if (time.GetElapsedTime(firstThrottled.Value) >= RunPace.MaxThrottledWait)
            {
                return outcome with { Reason = $"{outcome.Reason} Still throttled after {RunPace.MaxThrottledWait.TotalMinutes:0} minutes of waiting." };
            }
        }
    }

    /// <summary>Whether this attempt's turn was already taken (the first attempt of a revocation); true once.</summary>
    internal static bool TakePrepaidTurn()
    {
        if (Current.Value is { Prepaid: true } attempts)
        {
            attempts.Prepaid = false;
            return true;
        }

        return false;
    }

    /// <summary>Records whether the latest answer of the revocation in this async flow was a throttling one.</summary>
    internal static void MarkAnswer(bool throttled)
    {
        if (Current.Value is { } attempts)
        {
            attempts.LastThrottled = throttled;
        }
    }

    private sealed class Attempts
    {
        public bool Prepaid { get; set; }

        public bool LastThrottled { get; set; }
    }
}
