using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AuthingClient.Resilience;

/// <summary>
/// Bounded retries of transient failures (POST is retried on purpose: RFC 7009 revocation is
/// idempotent), run by a Polly retry pipeline. Built once per client from validated options.
/// </summary>
/// <remarks>
/// <para>
/// The pipeline is entered only after a first attempt that failed transiently, and it starts by
/// replaying that attempt's outcome to Polly, so Polly decides and times every retry exactly as if
/// it had run the first attempt itself. A revocation that succeeds at once — nearly all of them —
/// never touches Polly: no pooled context, no three more async layers, and no pipeline to build
/// before the first revocation (building one costs ~25 ms at start-up: Polly validates its options
/// with data annotations). See docs/performance.md.
/// </para>
/// <para>
/// The time-outs are not Polly strategies either: each attempt runs under an
/// <see cref="AttemptDeadline"/> whose budget is the attempt time-out or the time left of the
/// overall time-out, whichever is shorter.
/// </para>
/// </remarks>
internal sealed class RevocationRetries
{
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _timeProvider;
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _pipeline;

    private RevocationRetries(AuthenticationClientOptions options, TimeProvider timeProvider)
    {
        _maxDelay = options.Retry.MaxDelay;
        _timeProvider = timeProvider;
        var (maxAttempts, baseDelay, timeout) = (options.Retry.MaxAttempts, options.Retry.BaseDelay, options.Timeout);
        _pipeline = new(() => Build(maxAttempts, baseDelay, timeout), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The retries the options ask for, or <see langword="null"/> when they allow one attempt only.</summary>
    public static RevocationRetries? From(AuthenticationClientOptions options, TimeProvider timeProvider) =>
        options.Retry.MaxAttempts > 1 ? new RevocationRetries(options, timeProvider) : null;

    /// <summary>Whether a failed attempt is worth another one: the single rule, for the first attempt and for Polly.</summary>
    public bool ShouldRetry(Outcome<HttpResponseMessage> outcome, IRetryObserver call) =>
        TransientFailure.IsTransient(outcome)

        // A server that asks for a longer wait than we may give is answered at once, not hammered early.
        && !(RetryAfter.Read(outcome.Result, _timeProvider) > _maxDelay)

        // Once the overall time-out has passed, no attempt is worth starting.
        && call.TimeLeft > TimeSpan.Zero;

    /// <summary>
    /// Runs the retries after a first attempt that <see cref="ShouldRetry"/> accepted:
    /// <paramref name="sendAttemptAsync"/> makes each further attempt.
    /// </summary>
    public async ValueTask<HttpResponseMessage> RunAsync(
        Outcome<HttpResponseMessage> firstAttempt,
        IRetryObserver call,
        Func<CancellationToken, ValueTask<HttpResponseMessage>> sendAttemptAsync,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryObserverKey.Key, call);
        try
        {
            var replay = new FirstAttemptReplay(firstAttempt, sendAttemptAsync);
            return await _pipeline.Value.ExecuteAsync(static (ctx, attempts) => attempts.NextAsync(ctx.CancellationToken), context, replay).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Build(int maxAttempts, TimeSpan baseDelay, TimeSpan timeout) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = _maxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, Call(args.Context))),

                // Null falls back to the exponential backoff computed from the options.
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Read(args.Outcome.Result, _timeProvider)),
                OnRetry = args =>
                {
                    var call = Call(args.Context);
                    if (args.RetryDelay >= call.TimeLeft)
                    {
                        // Waiting would only run into the overall time-out: end the call now.
                        // Polly disposes a retried result only after OnRetry, so dispose it here.
                        args.Outcome.Result?.Dispose();
                        const string Message = "The wait before the next attempt would end after the overall time-out.";
                        throw args.Outcome.Exception is { } failure
                            ? new TimeoutRejectedException(Message, timeout, failure)
                            : new TimeoutRejectedException(Message, timeout);
                    }

                    call.OnRetry(new RetryNotice(args.AttemptNumber + 1, args.RetryDelay, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception));
                    return default;
                },
            })
            .Build();

    private static IRetryObserver Call(ResilienceContext context) => context.Properties.GetValue(RetryObserverKey.Key, null!);

    /// <summary>Gives Polly the first attempt's outcome as its first attempt, then sends the real ones.</summary>
    private sealed class FirstAttemptReplay(Outcome<HttpResponseMessage> first, Func<CancellationToken, ValueTask<HttpResponseMessage>> sendAttemptAsync)
    {
        private bool _replayed;

        public ValueTask<HttpResponseMessage> NextAsync(CancellationToken cancellationToken)
        {
            if (_replayed)
            {
                return sendAttemptAsync(cancellationToken);
            }

            _replayed = true;
            return first.Exception is { } exception
                ? ValueTask.FromException<HttpResponseMessage>(exception)
                : ValueTask.FromResult(first.Result!);
        }
    }
}

/// <summary>What one retry is about to do, for logs and traces.</summary>
/// <param name="FailedAttempt">The attempt that failed (1-based).</param>
/// <param name="Delay">The wait before the next attempt.</param>
/// <param name="StatusCode">The failed attempt's HTTP status, if it got an answer.</param>
/// <param name="Exception">The failed attempt's exception, if it got none.</param>
internal readonly record struct RetryNotice(int FailedAttempt, TimeSpan Delay, int? StatusCode, Exception? Exception)
{
    public bool IsTimeout => Exception is TimeoutRejectedException;
}
