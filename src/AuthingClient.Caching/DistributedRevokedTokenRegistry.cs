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
/// Each entry is the key <c>authing:revoked-token:</c> followed by the SHA-256 hex of the token
/// (<see cref="RevokedTokenRegistry.KeyOf"/>), prefixed by the cache's own instance name if it has
/// one, with the entry's end as Unix milliseconds for value; the token itself is never written.
/// The cache is told to drop the entry when it ends (a time-to-live computed from this registry's
/// clock), and a look-up also ignores an entry whose end has passed, so expiry follows the
/// <see cref="TimeProvider"/> even when the cache's own clock differs. An entry whose value cannot
/// be read counts as revoked (fail-closed). Errors of the cache propagate to the caller.
/// </remarks>
public sealed class DistributedRevokedTokenRegistry : RevokedTokenRegistry
{
    /// <summary>What every key starts with, before the token's hash: <c>authing:revoked-token:</c>.</summary>
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
    protected override async ValueTask<DateTimeOffset?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var value = await _cache.GetAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        return long.TryParse(Encoding.ASCII.GetString(value), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : DateTimeOffset.MaxValue;
    }

    /// <inheritdoc/>
    protected override async ValueTask StoreAsync(string key, DateTimeOffset expiresAt, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var value = Encoding.ASCII.GetBytes(expiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

        // Relative, not absolute: the cache checks an absolute end against its own clock.
        var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = timeToLive };
        await _cache.SetAsync(KeyPrefix + key, value, entry, cancellationToken).ConfigureAwait(false);
    }
}
