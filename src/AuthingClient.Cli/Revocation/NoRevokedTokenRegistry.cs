using AuthingClient.Revocation;

namespace AuthingClient.Cli.Revocation;

/// <summary>
/// A revoked-token registry that remembers nothing, registered so that no other is used. The
/// library marks every token it revokes in the registry, if any, for local validators to consult;
/// this process validates no tokens, and an in-memory registry would grow with every token of a
/// bulk run (millions of entries).
/// </summary>
internal sealed class NoRevokedTokenRegistry : IRevokedTokenRegistry
{
    public ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask MarkRevokedAsync(string token, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
