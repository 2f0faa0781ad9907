using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AuthingClient.Redis;

/// <summary>
/// The connection the registry talks to Redis through: either the application's own
/// <see cref="IConnectionMultiplexer"/> (shared, never disposed here), or one the registry opened
/// from <see cref="RedisRevokedTokenRegistryOptions.Redis"/> and owns. A connection string naming a
/// Sentinel service is followed by <see cref="SentinelPrimary"/> instead of StackExchange.Redis's
/// own Sentinel mode, which switches primaries with synchronous calls on thread-pool threads and so
/// stalls every request of a small container while it does (docs/performance.md, section 8).
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly bool _owned;
    private readonly Action _restored;
    private readonly ReplicaStatus? _status;
    private IConnectionMultiplexer? _current;
    private SentinelPrimary? _sentinel;

    private RedisConnection(bool owned, Action restored, ReplicaStatus? status)
    {
        _owned = owned;
        _restored = restored;
        _status = status;
    }

    /// <summary>The connection to the primary now; throws a <see cref="RedisConnectionException"/> while no primary is known yet.</summary>
    public IConnectionMultiplexer Current =>
        Volatile.Read(ref _current) ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No Sentinel has named the primary yet.");

    /// <summary>
    /// Uses <paramref name="connection"/>, the application's; calls <paramref name="restored"/> whenever
    /// it reconnects, and tells <paramref name="status"/> at once when it fails.
    /// </summary>
    public static RedisConnection Shared(IConnectionMultiplexer connection, Action restored, ReplicaStatus? status = null)
    {
        var shared = new RedisConnection(owned: false, restored, status);
        shared.Use(connection);
        return shared;
    }

    /// <summary>Opens a connection from a StackExchange.Redis configuration string (a server, a cluster, or Sentinels and a service name).</summary>
    public static async Task<RedisConnection> OpenAsync(string configuration, Action restored, ReplicaStatus status, TimeProvider time, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(configuration);

        // Start even while Redis is down: the replica keeps retrying, and the application keeps
        // serving. Reconnect attempts back off to 2 s at most, so an instance is back within
        // seconds of Redis (the library's default backs off further).
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 2000);

        var owned = new RedisConnection(owned: true, restored, status);
        if (string.IsNullOrEmpty(options.ServiceName))
        {
            owned.Use(await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false));
        }
        else
        {
            owned._sentinel = await SentinelPrimary.StartAsync(options, owned.Switch, time, logger).ConfigureAwait(false);
        }

        return owned;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sentinel is not null)
        {
            await _sentinel.DisposeAsync().ConfigureAwait(false);
        }

        if (Interlocked.Exchange(ref _current, null) is { } last)
        {
            await ReleaseAsync(last).ConfigureAwait(false);
        }
    }

    /// <summary>Moves to <paramref name="next"/> (a failover's new primary) and lets the old connection go.</summary>
    private void Switch(IConnectionMultiplexer next)
    {
        Use(next);
        _restored();
    }

    private void Use(IConnectionMultiplexer next)
    {
        next.ConnectionRestored += OnRestored;
        next.ConnectionFailed += OnFailed;
        if (Interlocked.Exchange(ref _current, next) is { } previous)
        {
            // The old primary is gone or demoted: nothing to wait for before closing it.
            _ = ReleaseAsync(previous, allowCommandsToComplete: false);
        }
    }

    private async Task ReleaseAsync(IConnectionMultiplexer connection, bool allowCommandsToComplete = true)
    {
        connection.ConnectionRestored -= OnRestored;
        connection.ConnectionFailed -= OnFailed;
        if (_owned)
        {
            await connection.CloseAsync(allowCommandsToComplete).ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Event handlers only ring: they run on StackExchange.Redis's threads, which must never wait.
    private void OnRestored(object? sender, ConnectionFailedEventArgs e) => _restored();

    private void OnFailed(object? sender, ConnectionFailedEventArgs e)
    {
        _status?.Disconnected();
        _sentinel?.Ring();
    }
}
