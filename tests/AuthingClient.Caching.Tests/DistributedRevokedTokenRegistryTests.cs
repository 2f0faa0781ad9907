using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Caching.Tests;

/// <summary>What the registry over <see cref="IDistributedCache"/> stores, and how it treats what it cannot read.</summary>
public sealed class DistributedRevokedTokenRegistryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task DistributedRegistry_StoresUnderThePrefixedHashWithTheEndAsValueAndATimeToLive()
    {
        var cache = new RecordingCache();
        var registry = new DistributedRevokedTokenRegistry(cache, new RevokedTokenRegistryOptions { ClockSkew = TimeSpan.Zero }, _time);
        var exp = _time.GetUtcNow().AddMinutes(10);
        var token = TestTokens.ExpiringAt(exp);

        await registry.MarkRevokedAsync(token);

        var (key, value, entry) = Assert.Single(cache.Writes);
        Assert.Equal(DistributedRevokedTokenRegistry.KeyPrefix + RevocationKey.Of(token).ToString(), key);
        Assert.Equal(exp.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.ASCII.GetString(value));
        Assert.Equal((TimeSpan.FromMinutes(10), (DateTimeOffset?)null), (entry.AbsoluteExpirationRelativeToNow, entry.AbsoluteExpiration));
    }

    [Fact]
    public async Task DistributedRegistry_EntryWhoseValueCannotBeRead_CountsAsRevoked()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var registry = new DistributedRevokedTokenRegistry(cache, options: null, _time);
        var token = TestTokens.Opaque();
        await cache.SetAsync(DistributedRevokedTokenRegistry.KeyPrefix + RevocationKey.Of(token).ToString(), "garbage"u8.ToArray());

        Assert.True(await registry.IsRevokedAsync(token));
    }

    /// <summary>An <see cref="IDistributedCache"/> that only records writes.</summary>
    private sealed class RecordingCache : IDistributedCache
    {
        public List<(string Key, byte[] Value, DistributedCacheEntryOptions Options)> Writes { get; } = [];

        public byte[]? Get(string key) => null;

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult<byte[]?>(null);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Writes.Add((key, value, options));

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key)
        {
        }

        public Task RemoveAsync(string key, CancellationToken token = default) => Task.CompletedTask;
    }
}
