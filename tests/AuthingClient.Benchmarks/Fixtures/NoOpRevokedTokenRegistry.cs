using AuthingClient.Revocation;

namespace AuthingClient.Benchmarks.Fixtures;

/// <summary>
/// A revoked-token registry that remembers nothing (as the CLI registers one). Registering any
/// registry makes every revocation go through the library's local-propagation step; with this one
/// the breakdown measures that step alone, without a real registry's hashing and storing.
/// </summary>
public sealed class NoOpRevokedTokenRegistry : IRevokedTokenRegistry
{
    public ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask MarkRevokedAsync(string token, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
