using System.Net;
using AuthingClient.Cli.Pacing;
using AuthingClient.Cli.Revocation;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Cli.Tests.Pacing;

/// <summary>How one token's revocation waits out throttling, and the bound on that wait, on a fake clock.</summary>
public class PacedRevocationTests
{
    private static readonly TokenOutcome Throttled = new(RevocationOutcome.Refused, HttpStatusCode.TooManyRequests, "refused", "refused: 429.", Throttled: true);

    [Fact]
    public async Task PacedRevocation_Throttled_IsStartedAgainUntilItGetsAnAnswer()
    {
        var time = new FakeTimeProvider();
        using var pace = new RunPace(time, ceiling: null);
        var answers = new Queue<TokenOutcome>([Throttled, Throttled, Throttled, TokenOutcome.Revoked]);

        var outcome = await PacedRevocation.RevokeAsync(pace, time, () => Answer(answers.Dequeue()), CancellationToken.None);

        Assert.Equal(RevocationOutcome.Revoked, outcome.Outcome);
        Assert.Empty(answers);
    }

    [Fact]
    public async Task PacedRevocation_ThrottledForTenMinutes_IsReportedFailedWithTheServersAnswer()
    {
        var time = new FakeTimeProvider();
        using var pace = new RunPace(time, ceiling: null);
        var attempts = 0;

        var outcome = await PacedRevocation.RevokeAsync(
            pace,
            time,
            () =>
            {
                // Each attempt is throttled and takes a minute of the clock.
                attempts++;
                time.Advance(TimeSpan.FromMinutes(1));
                return Answer(Throttled);
            },
            CancellationToken.None);

        Assert.Equal(RevocationOutcome.Refused, outcome.Outcome);
        Assert.Equal(HttpStatusCode.TooManyRequests, outcome.Status);
        Assert.Contains("Still throttled after 10 minutes", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(11, attempts);
    }

    [Fact]
    public async Task PacedRevocation_RefusalThatIsNotThrottling_IsNotStartedAgain()
    {
        var time = new FakeTimeProvider();
        using var pace = new RunPace(time, ceiling: null);
        var attempts = 0;
        var outage = new TokenOutcome(RevocationOutcome.Refused, HttpStatusCode.ServiceUnavailable, "refused", "refused: 503 without Retry-After.");

        var outcome = await PacedRevocation.RevokeAsync(pace, time, () => { attempts++; return Task.FromResult(outage); }, CancellationToken.None);

        Assert.Equal(RevocationOutcome.Refused, outcome.Outcome);
        Assert.Equal(1, attempts);
    }

    private static Task<TokenOutcome> Answer(TokenOutcome outcome) => Task.FromResult(outcome);
}
