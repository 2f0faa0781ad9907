using AuthingClient.Revocation;

namespace AuthingClient.Benchmarks.Fixtures;

/// <summary>
/// A revoked-token registry that remembers nothing (as the CLI registers one): with it, (d) still
/// runs the library's local-propagation step but not the in-memory registry's hashing and storing,
/// so the breakdown separates the two.
/// </summary>
public sealed class NoOpRevokedTokenRegistry : IRevokedTokenRegistry
{
    public ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask MarkRevokedAsync(string token, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
