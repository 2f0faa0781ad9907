using AuthingClient.Redis;
using AuthingClient.Revocation;
using StackExchange.Redis;

namespace AuthingClient.Cli.Revocation;

/// <summary>
/// <c>--registry</c>: the fleet's replicated revoked-token registry in Redis, written directly. Each
/// mark is appended to the registry's log and live set (the same keys and the same key function as
/// every instance's replica) and awaited, so a mark Redis did not confirm fails: the
/// library then reports it in <see cref="AuthingRevocationException.ObserverFailures"/>, and the CLI
/// an error (exit 3), never a silent <c>true</c>. The CLI validates no tokens, so it holds no replica.
/// </summary>
internal sealed class FleetRegistry : RevokedTokenRegistry, IDisposable
{
    private readonly ConnectionMultiplexer _connection;
    private readonly RevocationLog _log;

    private FleetRegistry(ConnectionMultiplexer connection, string keyPrefix, TimeProvider time)
        : base(options: null, time)
    {
        _connection = connection;
        _log = new RevocationLog(connection, keyPrefix, new RedisRevokedTokenRegistryOptions().LogRetention, time);
    }

    /// <summary>
    /// Connects before anything is revoked: a registry that cannot be reached at the start ends the
    /// run before a single token is sent (each token would otherwise wait out Redis's time-out).
    /// Once connected, a mark that fails fails its own token only.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is not a StackExchange.Redis configuration string.</exception>
    /// <exception cref="RegistryUnreachableException">Redis cannot be reached.</exception>
    public static FleetRegistry Connect(string configuration, TimeProvider time)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = true;
        try
        {
            return new FleetRegistry(ConnectionMultiplexer.Connect(options), new RedisRevokedTokenRegistryOptions().KeyPrefix, time);
        }
        catch (RedisConnectionException ex)
        {
            throw new RegistryUnreachableException($"cannot reach the revoked-token registry in Redis (--registry): {ex.FailureType}. Nothing was revoked.");
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <inheritdoc/>
    /// <remarks>A round trip to Redis: the CLI validates no tokens, so it holds no replica.</remarks>
    protected override async ValueTask<RevocationEntry?> FindAsync(RevocationKey key, CancellationToken cancellationToken)
    {
        try
        {
            return await _log.FindAsync(key).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailure.Is(ex))
        {
            throw Unconfirmed("answer", ex);
        }
    }

    /// <inheritdoc/>
    protected override async ValueTask StoreAsync(RevocationEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        try
        {
            await _log.AppendAsync([entry]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailure.Is(ex))
        {
            throw Unconfirmed("confirm the mark", ex);
        }
    }

    /// <summary>Redis's own message names endpoints and options, and the connection string may hold a password: only the failure's kind is told.</summary>
    private static InvalidOperationException Unconfirmed(string what, Exception ex)
    {
        var failure = ex is RedisConnectionException connection ? connection.FailureType.ToString() : ex.GetType().Name;
        return new InvalidOperationException($"the revoked-token registry in Redis did not {what} ({failure}).");
    }
}

/// <summary>The <c>--registry</c> Redis could not be reached at the start; the message holds no part of the connection string.</summary>
internal sealed class RegistryUnreachableException(string message) : Exception(message);
