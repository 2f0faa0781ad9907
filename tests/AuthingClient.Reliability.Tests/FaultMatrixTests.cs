using System.Globalization;
using System.Net;
using AuthingClient.Reliability.Tests.Support;
using WireMock;
using WireMock.Types;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMockRequest = WireMock.RequestBuilders.Request;

namespace AuthingClient.Reliability.Tests;

/// <summary>
/// Each server fault against a real WireMock.Net server: the outcome, the exact number of requests
/// the server received, and the waits the client asked for (on a fake clock: no real time passes).
/// </summary>
public sealed class FaultMatrixTests : IDisposable
{
    private const string Token = "fault-matrix-token";
    private readonly FaultServer _server = new();
    private readonly SteppingTimeProvider _time = new();

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task RevokeTokenAsync_TransientStatusThen200_RetriesOnceAndReturnsTrue(int status)
    {
        _server.Answer(r => r.WithStatusCode(status), r => r.WithStatusCode(200));

        var (revoked, waits) = await RunAsync();

        Assert.True(revoked);
        Assert.Equal(2, _server.ArrivedRevocationRequests);
        Assert.Equal(TestClients.Backoff[..1], waits);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task RevokeTokenAsync_TransientStatusEveryTime_StopsAfterThreeAttemptsWithTypedError(int status)
    {
        _server.Answer(r => r.WithStatusCode(status));

        var (error, waits) = await FailAsync();

        Assert.Equal(RevocationOutcome.Refused, error.Outcome);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.NotNull(error.StatusCode);
        Assert.Equal(3, _server.ArrivedRevocationRequests);
        Assert.Equal(TestClients.Backoff, waits);
    }

    [Fact]
    public async Task RevokeTokenAsync_JitterAtItsBottom_WaitsFourFifthsOfTheDoubledDelay()
    {
        _server.Answer(r => r.WithStatusCode(503));
        var options = TestClients.Options(_server.Url);
        options.Retry.Randomizer = () => 0;

        var (error, waits) = await FailAsync(options);

        Assert.Equal(3, error.Attempts);
        Assert.Equal([TimeSpan.FromMilliseconds(160), TimeSpan.FromMilliseconds(320)], waits);
    }

    [Fact]
    public async Task RevokeTokenAsync_BackoffAboveMaxDelay_WaitsMaxDelay()
    {
        // 20 s × 1.2 = 24 s, then 48 s, cut to MaxDelay (30 s).
        _server.Answer(r => r.WithStatusCode(503));
        var options = TestClients.Options(_server.Url);
        options.Retry.BaseDelay = TimeSpan.FromSeconds(20);

        var (error, waits) = await FailAsync(options);

        Assert.Equal(3, error.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(30)], waits);
    }

    [Theory]
    [InlineData(429, "delta-seconds", 2)]
    [InlineData(503, "http-date", 3)]
    public async Task RevokeTokenAsync_RetryAfter_WaitsExactlyAsLongAsTheServerAsked(int status, string form, int seconds)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var retryAfter = form == "http-date"
            ? _time.GetUtcNow().AddSeconds(seconds).ToString("R", invariant)
            : seconds.ToString(invariant);
        _server.Answer(r => r.WithStatusCode(status).WithHeader("Retry-After", retryAfter), r => r.WithStatusCode(200));

        var (revoked, waits) = await RunAsync();

        Assert.True(revoked);
        Assert.Equal([TimeSpan.FromSeconds(seconds)], waits);
        Assert.Equal(2, _server.ArrivedRevocationRequests);
    }

    [Fact]
    public async Task RevokeTokenAsync_RetryAfterLongerThanMaxDelay_FailsAtOnceWithoutRetrying()
    {
        _server.Answer(r => r.WithStatusCode(503).WithHeader("Retry-After", "120"), r => r.WithStatusCode(200));

        var (error, waits) = await FailAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Empty(waits);
        Assert.Equal(1, _server.ArrivedRevocationRequests);
    }

    [Fact]
    public async Task RevokeTokenAsync_RetryAfterLongerThanTimeLeft_ReportsTimeoutAtOnceWithoutWaiting()
    {
        _server.Answer(r => r.WithStatusCode(503).WithHeader("Retry-After", "20"), r => r.WithStatusCode(200));
        var options = TestClients.Options(_server.Url);
        options.Timeout = TimeSpan.FromSeconds(10);
        options.AttemptTimeout = TimeSpan.FromSeconds(10);

        var (error, waits) = await FailAsync(options);

        Assert.Equal(RevocationOutcome.Timeout, error.Outcome);
        Assert.NotNull(error.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Empty(waits);
        Assert.Equal(1, _server.ArrivedRevocationRequests);
    }

    [Fact]
    public async Task RevokeTokenAsync_OverallTimeoutPassesDuringAnAttempt_ReportsTimeoutWithoutRetrying()
    {
        // 503 with a 4 s wait leaves 1 s of the 5 s overall time-out for the second attempt, which hangs.
        using var blocked = new BlockedEndpoint(_server.Server, BlockedEndpoint.FirstRetryAfter(4));
        var options = TestClients.Options(_server.Url);
        options.Timeout = TimeSpan.FromSeconds(5);
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        using var client = TestClients.Create(options, _time);

        var call = client.RevokeTokenAsync(Token);
        Assert.Equal(TimeSpan.FromSeconds(4), await _time.NextWaitAsync(d => d == TimeSpan.FromSeconds(4)));
        _time.Advance(TimeSpan.FromSeconds(4));
        await blocked.Arrived;
        _time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => call);

        Assert.Equal(RevocationOutcome.Timeout, error.Outcome);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, blocked.Requests);
    }

    [Fact]
    public async Task RevokeTokenAsync_WireMockEmptyResponseFault_IsA200WithoutBodyAndCountsAsRevoked()
    {
        // WireMock.Net's EMPTY_RESPONSE still sends a status line (200) with no body: RFC 7009 success.
        _server.Answer(r => r.WithFault(FaultType.EMPTY_RESPONSE), r => r.WithStatusCode(500));

        var (revoked, waits) = await RunAsync();

        Assert.True(revoked);
        Assert.Empty(waits);
        Assert.Equal(1, _server.ArrivedRevocationRequests);
    }

    [Fact]
    public async Task RevokeTokenAsync_ConnectionClosedWithoutAnswerEveryTime_ReportsTransportFailureAfterThreeAttempts()
    {
        using var hangUp = new HangUpServer();
        using var client = TestClients.Create(TestClients.Options(hangUp.Url), _time);

        var call = client.RevokeTokenAsync(Token);
        var waits = await _time.DriveAsync(call, TestClients.TimeoutThreshold);
        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => call);

        Assert.Equal(RevocationOutcome.TransportError, error.Outcome);
        Assert.Null(error.StatusCode);
        Assert.Null(error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(TestClients.Backoff, waits);
        Assert.Equal(3, hangUp.Connections);
    }

    [Fact]
    public async Task RevokeTokenAsync_HangUpThen503EveryTime_StopsAfterThreeAttemptsInAll()
    {
        // The first attempt fails without an answer, the retries get answers: still three attempts
        // in all, never a second round of retries for the answer the last retry got.
        using var server = new HangUpServer(hangUps: 1, thenStatus: 503);
        using var client = TestClients.Create(TestClients.Options(server.Url), _time);

        var call = client.RevokeTokenAsync(Token);
        var waits = await _time.DriveAsync(call, TestClients.TimeoutThreshold);
        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => call);

        Assert.Equal(RevocationOutcome.Refused, error.Outcome);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(TestClients.Backoff, waits);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task RevokeTokenAsync_MalformedChunkFault_IsRetriedAndThenSucceeds()
    {
        _server.Answer(r => r.WithStatusCode(500).WithBody("partial body").WithFault(FaultType.MALFORMED_RESPONSE_CHUNK), r => r.WithStatusCode(200));

        var (revoked, waits) = await RunAsync();

        Assert.True(revoked);
        Assert.Equal(TestClients.Backoff[..1], waits);
        Assert.Equal(2, _server.ArrivedRevocationRequests);
    }

    [Fact]
    public async Task RevokeTokenAsync_ClosedPort_RetriesThenReportsThatTheServerNeverAnswered()
    {
        using var client = TestClients.Create(TestClients.Options(FaultServer.ClosedPortUrl()), _time);

        var call = client.RevokeTokenAsync(Token);
        var waits = await _time.DriveAsync(call, TestClients.TimeoutThreshold);
        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => call);

        Assert.Equal(RevocationOutcome.TransportError, error.Outcome);
        Assert.Null(error.StatusCode);
        Assert.Null(error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(TestClients.Backoff, waits);
        Assert.Contains("never answered", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task RevokeTokenAsync_Redirect_IsNeitherFollowedNorRetried(int status)
    {
        _server.Answer(r => r.WithStatusCode(status).WithHeader("Location", _server.Url + "/elsewhere"));
        _server.Server.Given(WireMockRequest.Create().WithPath("/elsewhere")).RespondWith(Response.Create().WithStatusCode(200));

        var (error, waits) = await FailAsync();

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(1, _server.ArrivedRevocationRequests);
        Assert.DoesNotContain(_server.Server.LogEntries, e => e.RequestMessage.Path == "/elsewhere");
        Assert.Empty(waits);
    }

    [Theory]
    [InlineData(400, "invalid_request")]
    [InlineData(401, "invalid_client")]
    public async Task RevokeTokenAsync_ClientError_IsNotRetried(int status, string errorCode)
    {
        _server.Answer(r => r.WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody($$"""{"error":"{{errorCode}}"}"""));

        var (error, waits) = await FailAsync();

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(errorCode, error.Error);
        Assert.Equal(1, error.Attempts);
        Assert.Empty(waits);
        Assert.Equal(1, _server.ArrivedRevocationRequests);
    }

    [Fact]
    public async Task RevokeTokenAsync_RetriesTurnedOff_FailsAfterOneAttempt()
    {
        _server.Answer(r => r.WithStatusCode(503), r => r.WithStatusCode(200));
        var options = TestClients.Options(_server.Url);
        options.Retry.MaxAttempts = 1;

        var (error, waits) = await FailAsync(options);

        Assert.Equal(1, error.Attempts);
        Assert.Empty(waits);
        Assert.Equal(1, _server.ArrivedRevocationRequests);
    }

    [Fact]
    public async Task RevokeTokenAsync_NoAnswerWithinAttemptTimeout_ReportsTimeoutNotCancellation()
    {
        using var blocked = new BlockedEndpoint(_server.Server);
        var options = TestClients.Options(_server.Url);
        options.Retry.MaxAttempts = 1;
        using var client = TestClients.Create(options, _time);

        var call = client.RevokeTokenAsync(Token);
        await blocked.Arrived;
        _time.Advance(TestClients.AttemptTimeout);
        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => call);

        Assert.Equal(RevocationOutcome.Timeout, error.Outcome);
        Assert.Null(error.StatusCode);
        Assert.Equal(1, blocked.Requests);
    }

    [Fact]
    public async Task RevokeTokenAsync_FirstAttemptTimesOut_RetriesOnAFreshDeadlineAndSucceeds()
    {
        // The timed-out attempt's cancellation source has fired; were it reused, the retry would be
        // cancelled before it started.
        using var blocked = new BlockedEndpoint(_server.Server, BlockedEndpoint.HoldFirstOnly);
        using var client = TestClients.Create(TestClients.Options(_server.Url), _time);

        var call = client.RevokeTokenAsync(Token);
        await blocked.Arrived;
        _time.Advance(TestClients.AttemptTimeout);
        var waits = await _time.DriveAsync(call, TestClients.TimeoutThreshold);

        Assert.True(await call);
        Assert.Equal(TestClients.Backoff[..1], waits);
        Assert.Equal(2, blocked.Requests);
    }

    [Fact]
    public async Task RevokeTokenAsync_CallerCancelsDuringAnAttempt_ThrowsWithTheCallersTokenAndTheClientStaysUsable()
    {
        using var blocked = new BlockedEndpoint(_server.Server, BlockedEndpoint.HoldFirstOnly);
        using var client = TestClients.Create(TestClients.Options(_server.Url), _time);
        using var cancellation = new CancellationTokenSource();

        var call = client.RevokeTokenAsync(Token, cancellation.Token);
        await blocked.Arrived;
        await cancellation.CancelAsync();
        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cancellation.Token, canceled.CancellationToken);
        Assert.True(await client.RevokeTokenAsync("another-token"));
        Assert.Equal(2, blocked.Requests);
    }

    [Fact]
    public async Task RevokeTokenAsync_CallerCancelsDuringRetryWait_StopsAtOnceWithoutAnotherAttempt()
    {
        _server.Answer(r => r.WithStatusCode(503), r => r.WithStatusCode(200));
        using var client = TestClients.Create(TestClients.Options(_server.Url), _time);
        using var cancellation = new CancellationTokenSource();

        var call = client.RevokeTokenAsync(Token, cancellation.Token);
        Assert.Equal(TestClients.Backoff[0], await _time.NextWaitAsync(d => d > TimeSpan.Zero && d < TestClients.TimeoutThreshold));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, _server.ArrivedRevocationRequests);
    }

    public void Dispose() => _server.Dispose();

    private async Task<(bool Revoked, List<TimeSpan> Waits)> RunAsync()
    {
        using var client = TestClients.Create(TestClients.Options(_server.Url), _time);
        var call = client.RevokeTokenAsync(Token);
        var waits = await _time.DriveAsync(call, TestClients.TimeoutThreshold);
        return (await call, waits);
    }

    private async Task<(AuthingRevocationException Error, List<TimeSpan> Waits)> FailAsync(AuthenticationClientOptions? options = null)
    {
        using var client = TestClients.Create(options ?? TestClients.Options(_server.Url), _time);
        var call = client.RevokeTokenAsync(Token);
        var waits = await _time.DriveAsync(call, TestClients.TimeoutThreshold);
        return (await Assert.ThrowsAsync<AuthingRevocationException>(() => call), waits);
    }

    /// <summary>
    /// An endpoint that holds requests until the test ends, and says when the first held one arrived.
    /// <c>answer</c> may answer a request at once instead, by its number (1-based); null holds it.
    /// </summary>
    private sealed class BlockedEndpoint : IDisposable
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _release = new();
        private int _requests;

        public BlockedEndpoint(WireMockServer server, Func<int, ResponseMessage?>? answer = null) =>
            server.Given(WireMockRequest.Create().WithPath(FaultServer.RevocationPath).UsingPost())
                .RespondWith(Response.Create().WithCallback(_ =>
                {
                    var number = Interlocked.Increment(ref _requests);
                    if (answer?.Invoke(number) is { } answered)
                    {
                        return answered;
                    }

                    _arrived.TrySetResult();
                    _release.Wait(TimeSpan.FromMinutes(1));
                    return new ResponseMessage { StatusCode = 200 };
                }));

        /// <summary>503 with <c>Retry-After</c> to the first request; holds the others.</summary>
        public static Func<int, ResponseMessage?> FirstRetryAfter(int seconds) => number => number == 1
            ? new ResponseMessage
            {
                StatusCode = 503,
                Headers = new Dictionary<string, WireMockList<string>> { ["Retry-After"] = new(seconds.ToString(CultureInfo.InvariantCulture)) },
            }
            : null;

        /// <summary>Holds the first request; answers 200 to the others.</summary>
        public static ResponseMessage? HoldFirstOnly(int number) => number == 1 ? null : new ResponseMessage { StatusCode = 200 };

        /// <summary>Completes when the first held request arrived; fails the test instead of hanging it if none does.</summary>
        public Task Arrived => _arrived.Task.WaitAsync(SteppingTimeProvider.Patience);

        /// <summary>Requests that reached the endpoint, answered or held.</summary>
        public int Requests => Volatile.Read(ref _requests);

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
        }
    }
}
