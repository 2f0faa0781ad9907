using AuthingClient.Cli.Input;

namespace AuthingClient.Cli.Revocation;

/// <summary>What an <see cref="OrderedRevocations"/> run hands its results to, in input order.</summary>
internal interface IResultSink
{
    void Report(InputToken token, TokenOutcome outcome);

    /// <summary>Called before the run waits, so what is done is visible (a script reading stdout line by line).</summary>
    Task FlushAsync();
}

/// <summary>
/// Revokes a stream of tokens, up to a fixed number at a time, and reports the results in input order.
/// </summary>
/// <remarks>
/// <para>
/// The window is a queue of at most <c>concurrency</c> revocations: the oldest one is reported (and
/// leaves the window) before another token is read. So the input is read at most <c>concurrency</c>
/// tokens ahead of the output, and memory stays the same whatever the input's size. The price is
/// head-of-line blocking: one slow request holds the others' results (never their requests) until
/// it ends, which the library's time-out bounds.
/// </para>
/// <para>
/// Results are reported as soon as the oldest is done, also while the input is waiting for more
/// (standard input fed by a slow producer).
/// </para>
/// <para>
/// Cancellation (Ctrl-C) stops reading and cancels the requests in flight. Their results, and any
/// finished after the cancellation, are not reported, so the output is exactly the tokens before
/// the first one not reported, and an interrupted run can be resumed right after the last line.
/// </para>
/// </remarks>
internal sealed class OrderedRevocations
{
    /// <summary>Eight requests in flight multiply the throughput of one several times over on a
    /// network round trip, while staying gentle with a shared Authing tenant's rate limits.</summary>
    public const int DefaultConcurrency = 8;

    /// <summary>More in flight does not go faster against one host (its connection pool and rate limits
    /// are the bottleneck) and only makes the reorder window and the head-of-line wait larger.</summary>
    public const int MaxConcurrency = 256;

    private readonly int _concurrency;
    private readonly Func<InputToken, CancellationToken, Task<TokenOutcome>> _revoke;
    private readonly IResultSink _sink;
    private readonly Queue<(InputToken Token, Task<TokenOutcome> Outcome)> _window;
    private bool _unflushed;
    private Task<bool>? _reading;

    public OrderedRevocations(int concurrency, Func<InputToken, CancellationToken, Task<TokenOutcome>> revoke, IResultSink sink)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _concurrency = concurrency;
        _revoke = revoke;
        _sink = sink;
        _window = new Queue<(InputToken, Task<TokenOutcome>)>(concurrency);
    }

    /// <summary>Runs until the input ends or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <returns><see langword="true"/> when every token was reported; <see langword="false"/> when interrupted.</returns>
    public async Task<bool> RunAsync(IAsyncEnumerable<InputToken> tokens, CancellationToken cancellationToken)
    {
        // Reading has its own cancellation, so that whatever ends the run also ends a pending read.
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var input = tokens.GetAsyncEnumerator(stopReading.Token);
        try
        {
            while (await NextAsync(input, cancellationToken).ConfigureAwait(false))
            {
                _window.Enqueue((input.Current, _revoke(input.Current, cancellationToken)));
            }

            while (_window.Count > 0)
            {
                await ReportOldestAsync(cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);
            await input.DisposeAsync().ConfigureAwait(false);
            await FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Makes room in the window, then reads the next token, reporting results while it waits for it.</summary>
    private async Task<bool> NextAsync(IAsyncEnumerator<InputToken> input, CancellationToken cancellationToken)
    {
        while (_window.Count >= _concurrency)
        {
            await ReportOldestAsync(cancellationToken).ConfigureAwait(false);
        }

        var next = input.MoveNextAsync();
        if (next.IsCompleted)
        {
            return await next.ConfigureAwait(false);
        }

        _reading = next.AsTask();
        while (!_reading.IsCompleted && _window.Count > 0)
        {
            await FlushAsync().ConfigureAwait(false);
            await Task.WhenAny(_reading, _window.Peek().Outcome).ConfigureAwait(false);
            while (_window.Count > 0 && _window.Peek().Outcome.IsCompleted)
            {
                await ReportOldestAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return await _reading.ConfigureAwait(false);
    }

    private async Task ReportOldestAsync(CancellationToken cancellationToken)
    {
        var (token, pending) = _window.Peek();
        if (!pending.IsCompleted)
        {
            await FlushAsync().ConfigureAwait(false);
        }

        var outcome = await pending.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        _window.Dequeue();
        _sink.Report(token, outcome);
        _unflushed = true;
    }

    private async Task FlushAsync()
    {
        if (_unflushed)
        {
            _unflushed = false;
            await _sink.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for a pending read (cancelled by now) and for the requests still in flight (cancelled too
    /// when the run was), so that none outlives the input or the client. Their results are dropped.
    /// </summary>
    private async Task DrainAsync()
    {
        var pending = _window.Select(entry => (Task)entry.Outcome).Append(_reading ?? Task.CompletedTask).ToArray();
        _window.Clear();
        try
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled with the run: not reported, by design (see the remarks).
        }
    }
}
