using AuthingClient.Configuration;

namespace AuthingClient.Revocation;

/// <summary>
/// The tokens this application asked to revoke, for local validators to consult (a JWT signature
/// check alone keeps accepting a revoked token until it expires). An <see cref="AuthenticationClient"/>
/// given one (<see cref="AuthenticationClientOptions.RevokedTokenRegistry"/>, or the one registered
/// with dependency injection) marks every token it is asked to revoke; <c>AddAuthingRevocationCheck</c>
/// (package AuthingClient.AspNetCore) makes JwtBearer reject them.
/// </summary>
/// <remarks>
/// <para>
/// This class is the one extension point for stores: it does the input checks, the key (see
/// <see cref="KeyOf"/>; never the token) and how long an entry lives, and a store implements only
/// <see cref="FindAsync"/> and <see cref="StoreAsync"/>. <see cref="InMemoryRevokedTokenRegistry"/>
/// serves one process; packages AuthingClient.Redis (a replica in every instance, no I/O per check)
/// and AuthingClient.Caching (any <c>IDistributedCache</c>) serve a fleet.
/// </para>
/// <para>
/// An entry lives until the token's JWT <c>exp</c> plus <see cref="RevokedTokenRegistryOptions.ClockSkew"/>
/// when the token is a JWT whose <c>exp</c> can be read (read without validation: the registry only
/// needs to know how long to remember), otherwise for <see cref="RevokedTokenRegistryOptions.OpaqueTokenLifetime"/>
/// from the moment it is marked. A token whose entry would already have ended is not stored:
/// validators reject it as expired.
/// </para>
/// </remarks>
public abstract class RevokedTokenRegistry
{
    private readonly TimeSpan _opaqueTokenLifetime;
    private readonly TimeSpan _clockSkew;

    /// <summary>Creates the shared part of a registry.</summary>
    /// <param name="options">How long entries live; <see langword="null"/> for the defaults. Copied: later changes are not seen.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are out of range; the message names each setting.</exception>
    protected RevokedTokenRegistry(RevokedTokenRegistryOptions? options, TimeProvider? timeProvider)
    {
        options ??= new RevokedTokenRegistryOptions();
        ValidatedOptions.ThrowIfInvalid(RevokedTokenRegistryOptionsValidator.Instance, options);
        _opaqueTokenLifetime = options.OpaqueTokenLifetime;
        _clockSkew = options.ClockSkew;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The clock entries expire by.</summary>
    private protected TimeProvider TimeProvider { get; }

    /// <summary>
    /// The key a registry stores for a token, as 32 upper-case hex digits: one-way, and bound to what
    /// the issuer signed rather than to the token's exact bytes. A JWT with a <c>jti</c> is keyed by
    /// its issuer and <c>jti</c>; one without by a SHA-256 of its header and payload (never the
    /// signature: an ECDSA signature can be re-encoded into another valid one, so a key over the
    /// whole token could be sidestepped); any other token by a SHA-256 of the whole token.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    public static string KeyOf(string token) => RevocationKey.Of(token).ToString();

    /// <summary>Until when a token marked now is remembered (see the remarks on <see cref="RevokedTokenRegistry"/>).</summary>
    internal DateTimeOffset ExpiryOf(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (JwtExpiry.TryRead(token, out var exp))
        {
            return DateTimeOffset.MaxValue - exp > _clockSkew ? exp + _clockSkew : DateTimeOffset.MaxValue;
        }

        return TimeProvider.GetUtcNow() + _opaqueTokenLifetime;
    }

    /// <summary>Whether the token was marked revoked and its entry has not expired.</summary>
    /// <param name="token">The token as presented (e.g. the bearer token of a request).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns><see langword="true"/> when the token must be rejected.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    public ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken = default) =>
        IsRevokedAsync(RevocationKey.Of(token), cancellationToken);

    /// <summary>
    /// Remembers the token as revoked for as long as it could otherwise be accepted: until its JWT
    /// <c>exp</c> (plus clock skew) when it is a JWT, otherwise for a configured lifetime.
    /// </summary>
    /// <param name="token">The token to remember.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the mark is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty; nothing is marked.</exception>
    public ValueTask MarkRevokedAsync(string token, CancellationToken cancellationToken = default)
    {
        var key = RevocationKey.Of(token);
        var expiresAt = ExpiryOf(token);
        var timeToLive = expiresAt - TimeProvider.GetUtcNow();
        return timeToLive > TimeSpan.Zero
            ? MarkAsync(key, expiresAt, timeToLive, cancellationToken)
            : ValueTask.CompletedTask;
    }

    /// <summary>Looks a key up; stores that hold keys in memory answer without formatting them.</summary>
    internal virtual ValueTask<bool> IsRevokedAsync(RevocationKey key, CancellationToken cancellationToken) =>
        IsRevokedCoreAsync(key.ToString(), cancellationToken);

    /// <summary>Stores a key; stores that hold keys in memory store it without formatting it.</summary>
    internal virtual ValueTask MarkAsync(RevocationKey key, DateTimeOffset expiresAt, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        StoreAsync(key.ToString(), expiresAt, timeToLive, cancellationToken);

    /// <summary>Looks up an entry.</summary>
    /// <param name="key">The token's key (<see cref="KeyOf"/>).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>When the entry ends, or <see langword="null"/> when there is none. An entry whose end has passed is ignored.</returns>
    protected abstract ValueTask<DateTimeOffset?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores an entry, replacing any entry with the same key.</summary>
    /// <param name="key">The token's key (<see cref="KeyOf"/>).</param>
    /// <param name="expiresAt">When the entry ends; always in the future.</param>
    /// <param name="timeToLive">The same end, relative to now by the registry's clock: for stores with their own clock.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    protected abstract ValueTask StoreAsync(string key, DateTimeOffset expiresAt, TimeSpan timeToLive, CancellationToken cancellationToken);

    private async ValueTask<bool> IsRevokedCoreAsync(string key, CancellationToken cancellationToken)
    {
        var expiresAt = await FindAsync(key, cancellationToken).ConfigureAwait(false);
        return expiresAt > TimeProvider.GetUtcNow();
    }
}
