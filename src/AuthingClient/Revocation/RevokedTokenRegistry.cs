using System.Security.Cryptography;
using System.Text;
using AuthingClient.Configuration;

namespace AuthingClient.Revocation;

/// <summary>
/// The part of an <see cref="IRevokedTokenRegistry"/> every store shares: input checks, the key (a
/// SHA-256 of the token, never the token), and how long an entry lives, with time from a
/// <see cref="System.TimeProvider"/>. A store implements only <see cref="FindAsync"/> and
/// <see cref="StoreAsync"/>.
/// </summary>
/// <remarks>
/// An entry lives until the token's JWT <c>exp</c> plus <see cref="RevokedTokenRegistryOptions.ClockSkew"/>
/// when the token is a JWT whose <c>exp</c> can be read (read without validation: the registry only
/// needs to know how long to remember), otherwise for <see cref="RevokedTokenRegistryOptions.OpaqueTokenLifetime"/>
/// from the moment it is marked. A token whose entry would already have ended is not stored:
/// validators reject it as expired.
/// </remarks>
public abstract class RevokedTokenRegistry : IRevokedTokenRegistry
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
    protected TimeProvider TimeProvider { get; }

    /// <summary>
    /// The key a registry stores for a token: the SHA-256 of its UTF-8 bytes as 64 upper-case hex
    /// digits. One-way: the key cannot give the token back.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <returns>The hex digest.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    public static string KeyOf(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Until when a token marked now is remembered (see the remarks on <see cref="RevokedTokenRegistry"/>).</summary>
    /// <param name="token">The token.</param>
    /// <returns>The end of the entry.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    public DateTimeOffset ExpiryOf(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (JwtExpiry.TryRead(token, out var exp))
        {
            return DateTimeOffset.MaxValue - exp > _clockSkew ? exp + _clockSkew : DateTimeOffset.MaxValue;
        }

        return TimeProvider.GetUtcNow() + _opaqueTokenLifetime;
    }

    /// <inheritdoc/>
    public ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(token);
        return IsRevokedCoreAsync(key, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask MarkRevokedAsync(string token, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(token);
        var expiresAt = ExpiryOf(token);
        var timeToLive = expiresAt - TimeProvider.GetUtcNow();
        return timeToLive > TimeSpan.Zero
            ? StoreAsync(key, expiresAt, timeToLive, cancellationToken)
            : ValueTask.CompletedTask;
    }

    /// <summary>Looks up an entry.</summary>
    /// <param name="key">The token's key (<see cref="KeyOf"/>).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>When the entry ends, or <see langword="null"/> when there is none. An entry whose end has passed is ignored.</returns>
    protected abstract ValueTask<DateTimeOffset?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores an entry, replacing any entry with the same key.</summary>
    /// <param name="key">The token's key (<see cref="KeyOf"/>).</param>
    /// <param name="expiresAt">When the entry ends; always in the future.</param>
    /// <param name="timeToLive">The same end, relative to now by <see cref="TimeProvider"/>: for stores with their own clock.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    protected abstract ValueTask StoreAsync(string key, DateTimeOffset expiresAt, TimeSpan timeToLive, CancellationToken cancellationToken);

    private async ValueTask<bool> IsRevokedCoreAsync(string key, CancellationToken cancellationToken)
    {
        var expiresAt = await FindAsync(key, cancellationToken).ConfigureAwait(false);
        return expiresAt > TimeProvider.GetUtcNow();
    }
}
