namespace AuthingClient.Revocation;

/// <summary>
/// A revoked-token registry in this process's memory: thread-safe, entries expire as
/// <see cref="RevokedTokenRegistry"/> describes, and expired entries are purged (at most once a
/// minute, during a look-up or a mark), so it grows only with the tokens that are still live.
/// One instance of a service only: a farm shares one through Redis (package AuthingClient.Redis).
/// </summary>
public sealed class InMemoryRevokedTokenRegistry : RevokedTokenRegistry
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);
    private readonly RevocationSet _entries = new();
    private long _nextPurgeTicks;

    /// <summary>Creates a registry.</summary>
    /// <param name="options">How long entries live; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are out of range.</exception>
    public InMemoryRevokedTokenRegistry(RevokedTokenRegistryOptions? options = null, TimeProvider? timeProvider = null)
        : base(options, timeProvider)
    {
    }

    /// <summary>How many entries are held, expired ones not yet purged included.</summary>
    internal int Count => _entries.Count;

    /// <inheritdoc/>
    protected override ValueTask<DateTimeOffset?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var now = TimeProvider.GetUtcNow();
        var found = RevocationKey.TryParse(key, out var parsed) && _entries.Contains(parsed, now.ToUnixTimeMilliseconds());
        return new(found ? DateTimeOffset.MaxValue : null);
    }

    /// <inheritdoc/>
    protected override ValueTask StoreAsync(string key, DateTimeOffset expiresAt, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        RevocationKey.TryParse(key, out var parsed)
            ? MarkAsync(parsed, expiresAt, timeToLive, cancellationToken)
            : throw new ArgumentException("Not a registry key.", nameof(key));

    internal override ValueTask<bool> IsRevokedAsync(RevocationKey key, CancellationToken cancellationToken)
    {
        var now = TimeProvider.GetUtcNow();
        PurgeIfDue(now);
        return new(_entries.Contains(key, now.ToUnixTimeMilliseconds()));
    }

    internal override ValueTask MarkAsync(RevocationKey key, DateTimeOffset expiresAt, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var now = TimeProvider.GetUtcNow();
        _entries.Add(key, expiresAt.ToUnixTimeMilliseconds());
        PurgeIfDue(now);
        return ValueTask.CompletedTask;
    }

    private void PurgeIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPurgeTicks, (now + PurgeInterval).UtcTicks, due) != due)
        {
            return;
        }

        _entries.Purge(now.ToUnixTimeMilliseconds());
    }
}
