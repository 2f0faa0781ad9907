using System.Globalization;
using System.Text;
using AuthingClient.Revocation;
using Microsoft.Extensions.Caching.Distributed;

namespace AuthingClient.Caching;

/// <summary>
/// A revoked-token registry over <see cref="IDistributedCache"/> (Redis, SQL Server, …): a token
/// revoked through any instance of a service farm is rejected by all of them.
/// </summary>
/// <remarks>
/// Each entry is the key <c>authing:revoked-token:</c> followed by the entry's <see cref="RevocationKey"/>
/// (32 hex digits; never a token, subject or session id), prefixed by the cache's own instance name if
/// it has one. Its value is the entry's end as Unix milliseconds, followed for a user or session
/// entry by <c>;</c> and its revocation time in Unix seconds. The cache is told to drop the entry when
/// it ends (a time-to-live computed from this registry's clock), and a look-up also ignores an entry
/// whose end has passed, so expiry follows the <see cref="TimeProvider"/> even when the cache's own
/// clock differs. An entry whose value cannot be read counts as revoking everything its key names
/// (fail-closed). A check makes one look-up for the token and, for a JWT with a subject, one for its
/// user and one per audience (and one for its session when it has one), in turn. A later write for
/// the same key replaces the earlier one: entries this library writes arrive in time order. Errors
/// of the cache propagate to the caller.
/// </remarks>
public sealed class DistributedRevokedTokenRegistry : RevokedTokenRegistry
{
    /// <summary>What every key starts with, before the entry's key: <c>authing:revoked-token:</c>.</summary>
    public const string KeyPrefix = "authing:revoked-token:";

    private readonly IDistributedCache _cache;

    /// <summary>Creates a registry over a distributed cache.</summary>
    /// <param name="cache">The cache every instance shares.</param>
    /// <param name="options">How long entries live; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cache"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are out of range.</exception>
    public DistributedRevokedTokenRegistry(IDistributedCache cache, RevokedTokenRegistryOptions? options = null, TimeProvider? timeProvider = null)
        : base(options, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
    }

    /// <inheritdoc/>
    protected override async ValueTask<RevocationEntry?> FindAsync(RevocationKey key, CancellationToken cancellationToken)
    {
        var value = await _cache.GetAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
        return value is null ? null : Parse(key, Encoding.ASCII.GetString(value));
    }

    /// <inheritdoc/>
    protected override async ValueTask StoreAsync(RevocationEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var text = entry.RevokedAt is { } revokedAt
            ? string.Create(CultureInfo.InvariantCulture, $"{entry.ExpiresAt.ToUnixTimeMilliseconds()};{revokedAt.ToUnixTimeSeconds()}")
            : entry.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        // Relative, not absolute: the cache checks an absolute end against its own clock.
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = timeToLive };
        await _cache.SetAsync(KeyPrefix + entry.Key, Encoding.ASCII.GetBytes(text), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a value back; anything unreadable revokes everything the key names, for as long as can be (fail-closed).</summary>
    private static RevocationEntry Parse(RevocationKey key, string text)
    {
        var separator = text.IndexOf(';', StringComparison.Ordinal);
        var end = separator < 0 ? text : text[..separator];
        var expiresAt = long.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : DateTimeOffset.MaxValue;
        DateTimeOffset? revokedAt = separator >= 0
            && long.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        return new RevocationEntry(key, revokedAt, expiresAt);
    }
}
