using AuthingClient.Revocation;

namespace AuthingClient.Benchmarks.Fixtures;

/// <summary>
/// A revoked-token registry that stores nothing. Registering any registry makes every revocation go
/// through the library's local-propagation step (key and expiry included); with this one the
/// breakdown measures that step without a real store behind it.
/// </summary>
public sealed class NoOpRevokedTokenRegistry() : RevokedTokenRegistry(options: null, timeProvider: null)
{
    protected override ValueTask<RevocationEntry?> FindAsync(RevocationKey key, CancellationToken cancellationToken) => ValueTask.FromResult<RevocationEntry?>(null);

    protected override ValueTask StoreAsync(RevocationEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
