using System.Net;
using AuthingClient.TestSupport;
using AuthingClient.Revocation;

namespace AuthingClient.Tests.Revocation;

/// <summary>After a revocation every observer is told, whatever happened at Authing and whatever the other observers did.</summary>
public sealed class ObserverNotificationTests
{
    [Fact]
    public async Task RevokeTokenAsync_Revoked_TellsEveryObserverOnceWithTheTokenHintAndOutcome()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        RecordingObserver[] observers = [new("a"), new("b"), new("c")];
        var token = TestTokens.Opaque();

        Assert.True(await RevokeAsync(authing, observers, token, TokenTypeHint.RefreshToken));

        Assert.All(observers, observer =>
        {
            var notice = Assert.Single(observer.Notices);
            Assert.Equal((token, TokenTypeHint.RefreshToken, RevocationOutcome.Revoked, (AuthingRevocationException?)null), (notice.Token, notice.TokenTypeHint, notice.Outcome, notice.Failure));
        });
    }

    [Fact]
    public async Task RevokeTokenAsync_UnsupportedTokenType_TellsObserversNotRevokedAndReturnsFalse()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.UnsupportedTokenType);
        var observer = new RecordingObserver();

        Assert.False(await RevokeAsync(authing, [observer], TestTokens.Jwt()));

        Assert.Equal(RevocationOutcome.NotRevoked, Assert.Single(observer.Notices).Outcome);
    }

    [Theory]
    [InlineData(AuthingAnswer.ServerError, HttpStatusCode.InternalServerError)]
    [InlineData(AuthingAnswer.InvalidClient, HttpStatusCode.Unauthorized)]
    public async Task RevokeTokenAsync_AuthingFails_TellsObserversTheFailureAndRethrowsIt(AuthingAnswer answer, HttpStatusCode status)
    {
        using var authing = AuthingServer.Answering(answer);
        RecordingObserver[] observers = [new("a"), new("b")];

        var thrown = await Assert.ThrowsAsync<AuthingRevocationException>(() => RevokeAsync(authing, observers, TestTokens.Opaque()));

        Assert.Equal(status, thrown.StatusCode);
        Assert.All(observers, observer =>
        {
            var notice = Assert.Single(observer.Notices);
            Assert.Equal((RevocationOutcome.Refused, thrown), (notice.Outcome, notice.Failure));
        });
    }

    [Fact]
    public async Task RevokeTokenAsync_OneObserverThrows_OthersStillTold_CallerLearnsTheTokenIsRevokedAtAuthing()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        var failure = new InvalidOperationException("cache unreachable");
        RecordingObserver[] observers = [new("before"), new("failing", failure), new("after")];
        var token = TestTokens.Opaque();

        var thrown = await Assert.ThrowsAsync<AuthingRevocationException>(() => RevokeAsync(authing, observers, token));

        Assert.All(observers, observer => Assert.Single(observer.Notices));
        Assert.Equal((RevocationOutcome.Revoked, (HttpStatusCode?)null, 1), (thrown.Outcome, thrown.StatusCode, thrown.Attempts));
        Assert.Same(failure, Assert.Single(thrown.ObserverFailures));
        Assert.Same(failure, Assert.Single(Assert.IsType<AggregateException>(thrown.InnerException).InnerExceptions));
        Assert.Contains("the token is revoked at Authing, but a local cache may still accept it", thrown.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, thrown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeTokenAsync_AnsweredAfterARetryAndAnObserverThrows_ReportsEveryAttempt()
    {
        var answers = 0;
        using var authing = AuthingServer.AnsweringWith(_ => Interlocked.Increment(ref answers) == 1
            ? Task.FromResult<WireMock.IResponseMessage>(new WireMock.ResponseMessage { StatusCode = (int)HttpStatusCode.ServiceUnavailable })
            : AuthingServer.RevokedResponse());
        var options = authing.Options();
        (options.Retry.MaxAttempts, options.Retry.BaseDelay, options.Retry.MaxDelay) = (2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
        options.RevocationObservers.Add(new RecordingObserver(throws: new InvalidOperationException("cache unreachable")));
        using var client = new AuthenticationClient(options);

        var thrown = await Assert.ThrowsAsync<AuthingRevocationException>(() => client.RevokeTokenAsync(TestTokens.Opaque()));

        Assert.Equal((RevocationOutcome.Revoked, 2, 2), (thrown.Outcome, thrown.Attempts, authing.RequestCount));
    }

    [Fact]
    public async Task RevokeTokenAsync_ObserverThrowsSynchronously_IsCaughtLikeAnyOtherFailure()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        var other = new RecordingObserver();

        var thrown = await Assert.ThrowsAsync<AuthingRevocationException>(() => RevokeAsync(authing, [new ThrowingAtOnce(), other], TestTokens.Opaque()));

        Assert.Single(other.Notices);
        Assert.IsType<NotSupportedException>(Assert.Single(thrown.ObserverFailures));
    }

    [Fact]
    public async Task RevokeTokenAsync_UnsupportedTokenTypeAndAnObserverThrows_CallerLearnsAuthingDidNotRevoke()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.UnsupportedTokenType);

        var thrown = await Assert.ThrowsAsync<AuthingRevocationException>(() => RevokeAsync(authing, [new RecordingObserver(throws: new TimeoutException())], TestTokens.Opaque()));

        Assert.Equal(RevocationOutcome.NotRevoked, thrown.Outcome);
        Assert.IsType<TimeoutException>(Assert.Single(thrown.ObserverFailures));
        Assert.Contains("did not revoke", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeTokenAsync_AuthingFailsAndAnObserverThrows_CarriesBothFailures()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.ServerError);
        var failure = new InvalidOperationException("cache unreachable");

        var thrown = await Assert.ThrowsAsync<AuthingRevocationException>(() => RevokeAsync(authing, [new RecordingObserver(throws: failure)], TestTokens.Opaque()));

        Assert.Equal((RevocationOutcome.Refused, (HttpStatusCode?)HttpStatusCode.InternalServerError), (thrown.Outcome, thrown.StatusCode));
        Assert.Same(failure, Assert.Single(thrown.ObserverFailures));
        Assert.Contains("In addition a local cache may still accept the token", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeTokenAsync_Observers_RunConcurrently()
    {
        // The first observer waits for the second: told one after the other, this never finishes.
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        var second = new SignallingObserver();
        var first = new WaitingObserver(second.Told);

        Assert.True(await RevokeAsync(authing, [first, second], TestTokens.Opaque()).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task RevokeTokenAsync_CancelledWhileAuthingAnswers_TellsNoObserver()
    {
        using var cancellation = new CancellationTokenSource();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var authing = AuthingServer.AnsweringWith(async _ =>
        {
            await cancellation.CancelAsync();
            await release.Task;
            return await AuthingServer.RevokedResponse();
        });
        var observer = new RecordingObserver();
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RevokeAsync(authing, [observer], TestTokens.Opaque(), cancellationToken: cancellation.Token));
        }
        finally
        {
            release.SetResult();
        }

        Assert.Empty(observer.Notices);
    }

    [Fact]
    public void Notice_ToString_ShowsTheFingerprintNotTheToken()
    {
        var token = TestTokens.Opaque();
        var notice = new RevocationNotice(token, TokenTypeHint.AccessToken, RevocationOutcome.Revoked);

        var text = notice.ToString();

        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.Contains(AuthingClient.Diagnostics.TokenFingerprint.Of(token), text, StringComparison.Ordinal);
        Assert.Contains("Outcome=Revoked", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RevocationOutcome.Unknown)]
    [InlineData(RevocationOutcome.Canceled)]
    [InlineData((RevocationOutcome)42)]
    public void Notice_OutcomeAuthingCannotGive_IsRefused(RevocationOutcome outcome)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RevocationNotice(TestTokens.Opaque(), null, outcome));
    }

    [Fact]
    public void Notice_FailedOutcomeWithoutItsFailure_OrAnswerWithAFailure_IsRefused()
    {
        var timeout = new AuthingRevocationException("no answer", RevocationOutcome.Timeout);

        Assert.Throws<ArgumentException>(() => new RevocationNotice(TestTokens.Opaque(), null, RevocationOutcome.Timeout));
        Assert.Throws<ArgumentException>(() => new RevocationNotice(TestTokens.Opaque(), null, RevocationOutcome.TransportError, timeout));
        Assert.Throws<ArgumentException>(() => new RevocationNotice(TestTokens.Opaque(), null, RevocationOutcome.Revoked, timeout));
        Assert.Same(timeout, new RevocationNotice(TestTokens.Opaque(), null, RevocationOutcome.Timeout, timeout).Failure);
    }

    private static async Task<bool> RevokeAsync(AuthingServer authing, IEnumerable<IRevocationObserver> observers, string token, TokenTypeHint? hint = null, CancellationToken cancellationToken = default)
    {
        using var client = authing.Client(observers: observers);
        return await client.RevokeTokenAsync(token, hint, cancellationToken);
    }

    private sealed class ThrowingAtOnce : IRevocationObserver
    {
        public ValueTask OnRevokedAsync(RevocationNotice notice, CancellationToken cancellationToken) =>
            throw new NotSupportedException("throws before returning a task");
    }

    private sealed class SignallingObserver : IRevocationObserver
    {
        private readonly TaskCompletionSource _told = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Told => _told.Task;

        public ValueTask OnRevokedAsync(RevocationNotice notice, CancellationToken cancellationToken)
        {
            _told.SetResult();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class WaitingObserver(Task until) : IRevocationObserver
    {
        public async ValueTask OnRevokedAsync(RevocationNotice notice, CancellationToken cancellationToken) => await until;
    }
}
