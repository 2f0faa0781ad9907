using AuthingClient.Revocation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace AuthingClient.Redis;

/// <summary>
/// A revoked-token registry shared by every instance of a service through Redis, answered from a
/// local replica: a check is a look-up in this process's memory (no I/O, no allocation), a mark is
/// enforced here at once and published through the <see cref="RevocationOutbox"/>, and
/// <see cref="ReplicaSync"/> brings every other instance's marks in.
/// </summary>
/// <remarks>
/// While Redis cannot be reached, known revocations stay enforced and other tokens are accepted
/// for <see cref="RedisRevokedTokenRegistryOptions.FailClosedAfter"/>; after that, and before the
/// replica has loaded once, a token the replica does not hold cannot be answered for, and the
/// check throws (the JwtBearer check then rejects the token: fail-closed).
/// </remarks>
internal sealed class RedisRevokedTokenRegistry : RevokedTokenRegistry, IAsyncDisposable, IDisposable
{
    /// <summary>Why a check could not be answered (the message of the exception a check throws).</summary>
    public const string NotAnswerableMessage = "The revoked-token replica has not loaded from Redis yet, or has not reached it for longer than FailClosedAfter.";

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly RedisRevokedTokenRegistryOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _startLock = new();
    private readonly System.Diagnostics.Metrics.Meter _metrics;
    private Task? _running;
    private readonly CancellationTokenSource _stopPublishing = new();
    private readonly IConnectionMultiplexer? _shared;
    private readonly OutboxFile? _outboxFile;
    private readonly Task _takingOver = Task.CompletedTask;
    private RedisConnection? _connection;

    /// <param name="options">The settings.</param>
    /// <param name="lifetimes">How long entries live.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="loggers">Where to log.</param>
    /// <param name="shared">The application's connection to use instead of opening one from <see cref="RedisRevokedTokenRegistryOptions.Redis"/>; never disposed here.</param>
    public RedisRevokedTokenRegistry(RedisRevokedTokenRegistryOptions options, RevokedTokenRegistryOptions? lifetimes, TimeProvider? timeProvider, ILoggerFactory? loggers, IConnectionMultiplexer? shared = null)
        : base(lifetimes, timeProvider)
    {
        _options = options;
        _shared = shared;
        _logger = (ILogger?)loggers?.CreateLogger<RedisRevokedTokenRegistry>() ?? NullLogger.Instance;
        Status = new ReplicaStatus(TimeProvider, options.FailClosedAfter, options.PollInterval);
        _metrics = ReplicaMetrics.Create(this);
        if (options.OutboxPath is { Length: > 0 } outboxPath)
        {
            // Opened here, before any mark can be made, so no mark ever misses the file.
            _outboxFile = OutboxFile.Open(outboxPath, Outbox, _logger, out var abandoned);
            _takingOver = TakeOverAsync(abandoned);
        }
    }

    public ReplicaStatus Status { get; }

    public RevocationOutbox Outbox { get; } = new();

    /// <summary>The outbox's file, when <see cref="RedisRevokedTokenRegistryOptions.OutboxPath"/> is set and usable.</summary>
    public OutboxFile? OutboxFile => _outboxFile;

    /// <summary>The local replica every check reads.</summary>
    public RevocationSet Replica { get; } = new();

    /// <summary>Live and not yet purged entries in the replica.</summary>
    public int Count => Replica.Count;

    /// <summary>Connects and starts the replica and the outbox, once; later calls return the same run.</summary>
    public Task StartAsync()
    {
        lock (_startLock)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            return _running ??= RunAsync();
        }
    }

    /// <summary>Starts the replica and waits until it has loaded every live revocation, or until <paramref name="timeout"/>.</summary>
    /// <returns>Whether it has loaded.</returns>
    public async Task<bool> WaitUntilLoadedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _ = StartAsync();
        try
        {
            await Status.Loaded.WaitAsync(timeout, TimeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>For containers disposed synchronously: the same as <see cref="DisposeAsync"/>, waited for.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        Task? running;
        lock (_startLock)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            running = _running;
            _stop.Cancel();
        }

        if (running is not null)
        {
            // The outbox gets a last chance to publish what this instance marked. Cancelled even if
            // the run has not reached the outbox yet (still connecting): it then ends at once.
            _stopPublishing.CancelAfter(Outbox.Pending == 0 ? TimeSpan.Zero : DrainTimeout);
            await running.ConfigureAwait(false);
            if (Outbox.Pending > 0 && _outboxFile is null)
            {
                ReplicaLog.Abandoned(_logger, Outbox.Pending);
            }
        }

        await _takingOver.ConfigureAwait(false);
        _outboxFile?.Dispose();

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _metrics.Dispose();
        _stop.Dispose();
        _stopPublishing.Dispose();
    }

    internal override bool MayHoldSubjects => Replica.HoldsSubjects;

    /// <summary>A registry used without the start-up step (no host) starts on its first check or mark.</summary>
    private void StartIfIdle()
    {
        if (_running is null)
        {
            _ = StartAsync();
        }
    }

    /// <inheritdoc/>
    /// <remarks>A check asks <see cref="ThrowIfCannotAnswer"/> first, which starts the replica if nothing has yet.</remarks>
    protected override ValueTask<RevocationEntry?> FindAsync(RevocationKey key, CancellationToken cancellationToken) =>
        new(Replica.Find(key));

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The replica has not loaded, or has not reached Redis for longer than <see cref="RedisRevokedTokenRegistryOptions.FailClosedAfter"/> (<see cref="NotAnswerableMessage"/>).</exception>
    internal override void ThrowIfCannotAnswer(long nowUnixMs)
    {
        StartIfIdle();
        if (!Status.CanAnswer(nowUnixMs))
        {
            throw new InvalidOperationException(NotAnswerableMessage);
        }
    }

    /// <inheritdoc/>
    protected override ValueTask StoreAsync(RevocationEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        StartIfIdle();

        Replica.Add(entry);
        if (_outboxFile is { } file)
        {
            // Returns once the mark is on disk: a crash from then on loses nothing.
            return new(file.AppendAsync(entry));
        }

        Outbox.Enqueue(entry);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Marks again what earlier processes left unconfirmed in the outbox folder: enforced here at once,
    /// written to this process's file, published; then their files go.
    /// </summary>
    private async Task TakeOverAsync(IReadOnlyList<AbandonedOutboxFile> abandoned)
    {
        var marks = abandoned.SelectMany(file => file.Marks).ToList();
        if (marks.Count > 0)
        {
            ReplicaLog.OutboxTakenOver(_logger, marks.Count);
        }

        var now = TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var writes = new List<Task>();
        foreach (var mark in marks.Where(mark => mark.ExpiresAtUnixMs > now))
        {
            Replica.Add(mark);
            writes.Add(_outboxFile!.AppendAsync(mark));
        }

        await Task.WhenAll(writes).ConfigureAwait(false);
        foreach (var file in abandoned)
        {
            file.Delete();
        }
    }

    private async Task RunAsync()
    {
        // Off the caller's thread: connecting may take the whole connect time-out when Redis is down.
        await Task.Yield();
        try
        {
            await ReplicateAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing to replicate with: checks keep failing closed and the health check says Unhealthy.
            ReplicaLog.Unexpected(_logger, ex);
        }
    }

    private async Task ReplicateAsync()
    {
        // The sync loop exists before the connection, so a reconnect can ring it from the start.
        ReplicaSync? sync = null;
        _connection = _shared is null
            ? await RedisConnection.OpenAsync(_options.Redis!, () => sync?.Ring(), Status, TimeProvider, _logger).ConfigureAwait(false)
            : RedisConnection.Shared(_shared, () => sync?.Ring(), Status);

        var log = new RevocationLog(_connection, _options.KeyPrefix, _options.LogRetention, TimeProvider);
        sync = new ReplicaSync(log, Replica, Status, TimeProvider, _logger, _options.PollInterval);
        try
        {
            await PublishAndSyncAsync(log, sync).ConfigureAwait(false);
        }
        finally
        {
            if (_shared is not null)
            {
                await UnsubscribeAsync(log).ConfigureAwait(false);
            }
        }
    }

    private async Task PublishAndSyncAsync(RevocationLog log, ReplicaSync sync)
    {
        var publishing = Outbox.PublishAsync(log, TimeProvider, _logger, _stopPublishing.Token, (count, last) =>
        {
            _outboxFile?.Confirmed(count);
            sync.Wrote(last);
        });
        var syncing = sync.RunAsync(_stop.Token);
        await syncing.ConfigureAwait(false);

        // Stopping: the outbox drains within the time DisposeAsync gave it.
        try
        {
            await publishing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Drain time is over.
        }
    }

    private static async Task UnsubscribeAsync(RevocationLog log)
    {
        try
        {
            await log.UnsubscribeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailure.Is(ex))
        {
            // The application's connection is down: its subscription goes with it.
        }
    }
}
