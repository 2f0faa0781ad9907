using System.Net;
using System.Threading.RateLimiting;

namespace AuthingClient.Cli.Pacing;

/// <summary>
/// One pace for every HTTP attempt of a run, retries included: a pause that every worker waits
/// out after the server throttles (429, or 503 with <c>Retry-After</c>), and a request rate — the
/// <c>--rate</c> ceiling, lowered when the server throttles and raised again slowly (AIMD).
/// </summary>
/// <remarks>
/// <para>
/// The rate is a <see cref="TokenBucketRateLimiter"/> whose bucket holds one replenishment period's
/// worth (1/20 s, at least one request), so "at most N per second" holds over any second, with no
/// burst at start. The limiter refills on its own timer (it takes no <see cref="TimeProvider"/>:
/// its manual mode measures real time); pauses and pace changes follow the run's clock, so tests
/// drive those with a fake one. A rate change swaps the limiter; requests queued on the old one
/// try again on the new one.
/// </para>
/// <para>
/// Throttled: every worker waits until the <c>Retry-After</c> time (1 s without the header), and
/// the rate drops to <see cref="Decrease"/> of what it was, or, when no rate was set yet, of what
/// the server accepted in the last second (at least <see cref="UnknownPace"/>). Once per episode: the answers to requests already in
/// flight do not lower it again. Each second without throttling raises it by 5% (at least 1/s), up
/// to the <c>--rate</c> ceiling; without <c>--rate</c> it keeps rising as long as the server agrees.
/// </para>
/// </remarks>
internal sealed class RunPace : IDisposable
{
    /// <summary>The pause after a 429 without <c>Retry-After</c>.</summary>
    public static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    /// <summary>How long one token's revocation may stay throttled before it is reported failed.</summary>
    public static readonly TimeSpan MaxThrottledWait = TimeSpan.FromMinutes(10);

    /// <summary>The share of the rate kept after the server throttled.</summary>
    public const double Decrease = 0.8;

    /// <summary>The slowest pace a run is lowered to.</summary>
    public const double MinRate = 1;

    /// <summary>What the pace starts from when the server throttles before it accepted anything in the last second.</summary>
    public const double UnknownPace = 10;

    private const double IncreaseShare = 0.05;
    private const int PeriodsPerSecond = 20;
    private static readonly TimeSpan AdjustInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double? _ceiling;
    private readonly SuccessCounter _successes;
    private readonly ITimer _adjuster;
    private Limiter? _limiter;
    private long _pausedUntil;
    private long _noDecreaseBefore;
    private long _noIncreaseBefore;
    private long _throttledAnswers;
    private bool _disposed;

    /// <param name="time">The run's clock.</param>
    /// <param name="ceiling">The <c>--rate</c>: at most this many attempts per second; <see langword="null"/> for no limit until the server throttles.</param>
    public RunPace(TimeProvider time, double? ceiling)
    {
        _time = time;
        _ceiling = ceiling;
        _successes = new SuccessCounter(time);
        if (ceiling is { } rate)
        {
            _limiter = new Limiter(rate);
        }

        _adjuster = time.CreateTimer(_ => Increase(), state: null, AdjustInterval, AdjustInterval);
    }

    /// <summary>The current limit in attempts per second; <see langword="null"/> while there is none.</summary>
    public double? Rate
    {
        get
        {
            lock (_lock)
            {
                return _limiter?.Rate;
            }
        }
    }

    /// <summary>How many answers were 429, or 503 with <c>Retry-After</c>.</summary>
    public long ThrottledAnswers => Interlocked.Read(ref _throttledAnswers);

    /// <summary>Whether every worker is waiting for the server's <c>Retry-After</c> now.</summary>
    public bool IsPaused => _time.GetTimestamp() < Interlocked.Read(ref _pausedUntil);

    /// <summary>The options of the limiter for a rate (for tests and documentation).</summary>
    public static TokenBucketRateLimiterOptions LimiterOptions(double rate)
    {
        var perPeriod = Math.Max(1, (int)Math.Round(rate / PeriodsPerSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perPeriod / rate),
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }

    /// <summary>
    /// Whether an answer asks the run to slow down: 429, or 503 with <c>Retry-After</c> (RFC 9110
    /// §15.6.4). A 503 without it is an outage, not a pace.
    /// </summary>
    /// <param name="status">The answer's status.</param>
    /// <param name="retryAfter">The answer's <c>Retry-After</c>, if it had one.</param>
    public static bool IsThrottling(HttpStatusCode status, TimeSpan? retryAfter) =>
        status == HttpStatusCode.TooManyRequests || (status == HttpStatusCode.ServiceUnavailable && retryAfter is not null);

    /// <summary>Makes every retry of a client take its turn of <paramref name="pace"/>, once the retry's own wait is over.</summary>
    /// <param name="options">The client's options.</param>
    /// <param name="pace">The run's pace.</param>
    public static void KeepPace(AuthenticationClientOptions options, RunPace pace) =>
        options.Retry.OnRetry = retry => pace.WaitTurnAsync(retry.CancellationToken);

    /// <summary>Waits until this run may send one more attempt: after any pause, and within the rate.</summary>
    public async ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitOutPauseAsync(cancellationToken).ConfigureAwait(false);
            Limiter? limiter;
            lock (_lock)
            {
                limiter = _limiter;
            }

            if (limiter is not null)
            {
                using var lease = await limiter.RateLimiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (!lease.IsAcquired)
                {
                    // The rate changed while this attempt queued: queue on the new limiter.
                    continue;
                }
            }

            // A pause that began while this attempt queued holds it too: no burst after a pause.
            if (!IsPaused)
            {
                return;
            }
        }
    }

    /// <summary>The server accepted an attempt (any answer but a throttling one).</summary>
    public void Accepted() => _successes.Add();

    /// <summary>The server throttled an attempt: pause every worker, and lower the rate once per episode.</summary>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, if it sent one.</param>
    public void Throttled(TimeSpan? retryAfter)
    {
        Interlocked.Increment(ref _throttledAnswers);
        var now = _time.GetTimestamp();
        var pause = retryAfter is { } asked ? Clamp(asked, TimeSpan.Zero, MaxThrottledWait) : DefaultPause;
        lock (_lock)
        {
            var until = now + Ticks(pause);
            _pausedUntil = Math.Max(_pausedUntil, until);

            // Raise again only after a second of sending without being throttled.
            _noIncreaseBefore = _pausedUntil + Ticks(AdjustInterval);
            if (now < _noDecreaseBefore || _disposed)
            {
                return;
            }

            // The answers to what was in flight when the server started throttling belong to the
            // same episode: lower once, then watch a second of traffic at the new pace.
            _noDecreaseBefore = _pausedUntil + Ticks(AdjustInterval);
            var from = _limiter?.Rate ?? Math.Max(_successes.LastSecond(), UnknownPace);
            SetRate(Math.Min(_ceiling ?? double.MaxValue, Math.Max(MinRate, from * Decrease)));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _adjuster.Dispose();
            _limiter?.Dispose();
            _limiter = null;
        }
    }

    private async ValueTask WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        while (_time.GetElapsedTime(_time.GetTimestamp(), Interlocked.Read(ref _pausedUntil)) is var left && left > TimeSpan.Zero)
        {
            await Task.Delay(left, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Increase()
    {
        lock (_lock)
        {
            if (_disposed || _limiter is not { } limiter || _time.GetTimestamp() < _noIncreaseBefore)
            {
                return;
            }

            var raised = limiter.Rate + Math.Max(1, limiter.Rate * IncreaseShare);
            SetRate(_ceiling is { } ceiling ? Math.Min(ceiling, raised) : raised);
        }
    }

    private void SetRate(double rate)
    {
        if (_limiter?.Rate == rate)
        {
            return;
        }

        var old = _limiter;
        _limiter = new Limiter(rate);
        old?.Dispose();
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    /// <summary>A token bucket for one rate.</summary>
    private sealed class Limiter(double rate) : IDisposable
    {
        public double Rate { get; } = rate;

        public TokenBucketRateLimiter RateLimiter { get; } = new(LimiterOptions(rate));

        // Requests queued on it get a failed lease, and queue on the new limiter.
        public void Dispose() => RateLimiter.Dispose();
    }
}
