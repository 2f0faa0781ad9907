using AuthingClient.Cli.Input;
using AuthingClient.Cli.Revocation;
using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Revocation;

/// <summary>The reorder window on its own, with revocations the test finishes by hand.</summary>
public class OrderedRevocationsTests
{
    private readonly List<TaskCompletionSource<TokenOutcome>> _started = [];
    private readonly RecordingSink _sink = new();
    private bool _finishingAll;

    [Fact]
    public async Task Report_RevocationsFinishOutOfOrder_ResultsComeInInputOrder()
    {
        var run = Revocations(concurrency: 3).RunAsync(Tokens(3), CancellationToken.None);

        Assert.Equal(3, _started.Count);
        _started[2].SetResult(TokenOutcome.Revoked);
        _started[1].SetResult(NotRevoked);
        _started[0].SetResult(Failed);

        Assert.True(await run);
        Assert.Equal([(1L, RevocationOutcome.Refused), (2L, RevocationOutcome.NotRevoked), (3L, RevocationOutcome.Revoked)], _sink.Reported);
    }

    [Fact]
    public async Task Read_WindowIsFull_NextTokenWaitsUntilTheOldestResultLeaves()
    {
        var run = Revocations(concurrency: 2).RunAsync(Tokens(5), CancellationToken.None);
        var startedWithAFullWindow = _started.Count;

        _started[1].SetResult(TokenOutcome.Revoked);
        var startedAfterTheSecondFinished = _started.Count;
        FinishAll();

        Assert.True(await run);
        Assert.Equal(2, startedWithAFullWindow);
        Assert.Equal(2, startedAfterTheSecondFinished);
        Assert.Equal(5, _sink.Reported.Count);
    }

    [Fact]
    public async Task Report_AfterCancellation_ReportsNothingMoreEvenAFinishedRevocationAndReturnsFalse()
    {
        using var ctrlC = new CancellationTokenSource();
        var run = Revocations(concurrency: 4).RunAsync(Tokens(4), ctrlC.Token);
        _started[0].SetResult(TokenOutcome.Revoked);
        Assert.True(await Waiting.Until(_sink.ReportedOne));

        await ctrlC.CancelAsync();
        _started[1].SetResult(TokenOutcome.Revoked);
        FinishAll();

        Assert.False(await run);
        Assert.Equal([(1L, RevocationOutcome.Revoked)], _sink.Reported);
    }

    private static TokenOutcome NotRevoked => new(RevocationOutcome.NotRevoked, System.Net.HttpStatusCode.BadRequest, "unsupported_token_type", "not revoked");

    private static TokenOutcome Failed => new(RevocationOutcome.Refused, System.Net.HttpStatusCode.Unauthorized, "invalid_client", "refused");

    private static IAsyncEnumerable<InputToken> Tokens(int count) =>
        Enumerable.Range(1, count).Select(i => new InputToken($"token-{i}", i)).ToAsyncEnumerable();

    private OrderedRevocations Revocations(int concurrency) => new(concurrency, Start, _sink);

    /// <summary>A revocation that ends when the test finishes it (cancellation is not observed: it may end after Ctrl-C).</summary>
    private Task<TokenOutcome> Start(InputToken token, CancellationToken _)
    {
        var revocation = new TaskCompletionSource<TokenOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_started)
        {
            _started.Add(revocation);
            if (_finishingAll)
            {
                revocation.SetResult(TokenOutcome.Revoked);
            }
        }

        return revocation.Task;
    }

    /// <summary>Finishes every revocation, started so far or later, as revoked.</summary>
    private void FinishAll()
    {
        lock (_started)
        {
            _finishingAll = true;
            foreach (var revocation in _started)
            {
                revocation.TrySetResult(TokenOutcome.Revoked);
            }
        }
    }

    private sealed class RecordingSink : IResultSink
    {
        private readonly TaskCompletionSource _reportedOne = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<(long Position, RevocationOutcome Outcome)> Reported { get; } = [];

        public Task ReportedOne => _reportedOne.Task;

        public void Report(InputToken token, TokenOutcome outcome)
        {
            Reported.Add((token.Position, outcome.Outcome));
            _reportedOne.TrySetResult();
        }

        public Task FlushAsync() => Task.CompletedTask;
    }
}
