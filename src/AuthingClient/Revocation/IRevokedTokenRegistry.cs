namespace AuthingClient.Revocation;

/// <summary>
/// The tokens this application asked to revoke, for local validators to consult (a JWT signature
/// check alone keeps accepting a revoked token until it expires). An <see cref="AuthenticationClient"/>
/// given one (<see cref="AuthenticationClientOptions.RevokedTokenRegistry"/>, or the one registered
/// with dependency injection) marks every token it is asked to revoke; <c>AddAuthingRevocationCheck</c>
/// (package AuthingClient.AspNetCore) makes JwtBearer reject them.
/// </summary>
/// <remarks>
/// Implementations store a hash of the token, never the token, and remember it as long as the token
/// could otherwise be accepted. <see cref="RevokedTokenRegistry"/> does both for any store;
/// <see cref="InMemoryRevokedTokenRegistry"/> serves one process, <c>DistributedRevokedTokenRegistry</c>
/// (package AuthingClient.Caching) every instance of a service farm through <c>IDistributedCache</c>.
/// </remarks>
public interface IRevokedTokenRegistry
{
    /// <summary>Whether the token was marked revoked and its entry has not expired.</summary>
    /// <param name="token">The token as presented (e.g. the bearer token of a request).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns><see langword="true"/> when the token must be rejected.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Remembers the token as revoked for as long as it could otherwise be accepted: until its JWT
    /// <c>exp</c> (plus clock skew) when it is a JWT, otherwise for a configured lifetime.
    /// </summary>
    /// <param name="token">The token to remember.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the mark is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty; nothing is marked.</exception>
    ValueTask MarkRevokedAsync(string token, CancellationToken cancellationToken = default);
}
