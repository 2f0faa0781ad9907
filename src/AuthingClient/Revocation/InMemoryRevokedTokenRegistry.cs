namespace AuthingClient.Revocation;

/// <summary>
/// A revoked-token registry in this process's memory: thread-safe, entries expire as
/// <see cref="RevokedTokenRegistry"/> describes, and ended entries are purged (at most once a
/// minute, during a mark: entries only arrive with marks), so it grows only with the revocations
/// still live and those of the last minute.
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

    /// <summary>How many entries are held, ended ones not yet purged included.</summary>
    internal int Count => _entries.Count;

    internal override bool MayHoldSubjects => _entries.HoldsSubjects;

    /// <inheritdoc/>
    protected override ValueTask<RevocationEntry?> FindAsync(RevocationKey key, CancellationToken cancellationToken) =>
        new(_entries.Find(key));

    /// <inheritdoc/>
    protected override ValueTask StoreAsync(RevocationEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        _entries.Add(entry);
        PurgeIfDue();
        return ValueTask.CompletedTask;
    }

    private void PurgeIfDue()
    {
        var now = TimeProvider.GetUtcNow();
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPurgeTicks, (now + PurgeInterval).UtcTicks, due) != due)
        {
            return;
        }

        _entries.Purge(now.ToUnixTimeMilliseconds());
    }
}
