using System.Net;
using AuthingClient.Cli.Pacing;
using AuthingClient.Cli.Revocation;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Cli.Tests.Pacing;

/// <summary>The handler on the client's HTTP pipeline, and the client's retry hook: every attempt keeps the run's pace, retries included.</summary>
public sealed class PacingHandlerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly CountingHandler _server = new();
    private readonly RunPace _pace;
    private readonly HttpMessageInvoker _client;

    public PacingHandlerTests()
    {
        // 0.1/s: one attempt now, the next only in 10 s of real time, long after the test.
        _pace = new RunPace(_time, ceiling: 0.1);
        _client = new HttpMessageInvoker(new PacingHandler(_pace, _time) { InnerHandler = _server });
    }

    public void Dispose()
    {
        _client.Dispose();
        _pace.Dispose();
    }

    [Fact]
    public async Task KeepPace_RetryTheLibrarySends_WaitsForItsTurnLikeAnyAttempt()
    {
        // 503 with Retry-After: 0, so the library retries at once; the retry then waits for the pace.
        _server.Answer = () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new(TimeSpan.Zero) } };
        var options = new AuthenticationClientOptions { AppId = "app", AppSecret = "secret", AppHost = "http://127.0.0.1" };
        RunPace.KeepPace(options, _pace);
        using var client = new AuthenticationClient(options, new HttpClient(new PacingHandler(_pace, _time) { InnerHandler = _server }), timeProvider: _time);

        // The first attempt's turn is taken before the library starts it, as PacedRevocation does.
        await _pace.WaitTurnAsync(CancellationToken.None);
        var revocation = client.RevokeTokenAsync("token-a");
        await _server.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, _server.Requests);
        Assert.False(revocation.IsCompleted);
    }

    [Fact]
    public async Task PacingHandler_429_PausesTheRunForItsRetryAfter()
    {
        _server.Answer = () => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(3)) } };

        using var response = await SendAsync();

        Assert.True(_pace.IsPaused);
        Assert.Equal(1, _pace.ThrottledAnswers);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(_pace.IsPaused);
    }

    [Fact]
    public async Task PacingHandler_503WithoutRetryAfter_DoesNotPauseTheRun()
    {
        _server.Answer = () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        using var response = await SendAsync();

        Assert.False(_pace.IsPaused);
        Assert.Equal(0, _pace.ThrottledAnswers);
    }

    private Task<HttpResponseMessage> SendAsync() =>
        _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/oidc/token/revocation"), CancellationToken.None);

    private sealed class CountingHandler : HttpMessageHandler
    {
        private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;

        public Func<HttpResponseMessage> Answer { get; set; } = () => new HttpResponseMessage(HttpStatusCode.OK);

        public int Requests => Volatile.Read(ref _requests);

        public Task FirstRequest => _firstRequest.Task;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var answer = Answer();
            _firstRequest.TrySetResult();
            return Task.FromResult(answer);
        }
    }
}
