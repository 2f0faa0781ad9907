using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Pacing;

/// <summary>
/// Revokes one token at the run's pace, and waits out throttling instead of failing on it: a
/// revocation whose last answer was a throttling one (after the library's own retries) is started
/// again once the pause is over, until <see cref="RunPace.MaxThrottledWait"/> has passed since its
/// first throttled answer.
/// </summary>
/// <remarks>
/// Every HTTP attempt takes a turn of the run's pace: the first here, before the library starts
/// its attempt time-out (so queueing for the rate never times out a request), and each of the
/// library's retries in the client's <see cref="RevocationRetryOptions.OnRetry"/> hook
/// (<see cref="RunPace.KeepPace"/>), also outside the attempt time-out.
/// </remarks>
internal static class PacedRevocation
{
    /// <param name="pace">The run's pace.</param>
    /// <param name="time">The run's clock, for the bound on waiting.</param>
    /// <param name="revoke">Revokes the token once (the library, with its own retries).</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    public static async Task<TokenOutcome> RevokeAsync(RunPace pace, TimeProvider time, Func<Task<TokenOutcome>> revoke, CancellationToken cancellationToken)
    {
        long? firstThrottled = null;
        while (true)
        {
            await pace.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            var outcome = await revoke().ConfigureAwait(false);
            if (!outcome.Throttled)
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
}
