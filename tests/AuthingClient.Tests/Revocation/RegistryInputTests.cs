using AuthingClient.Caching;
using AuthingClient.TestSupport;
using AuthingClient.Revocation;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Tests.Revocation;

/// <summary>What a registry accepts, what it stores, and how it treats what it cannot read.</summary>
public sealed class RegistryInputTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<RegistryKind, string> KindsAndOperations => new()
    {
        { RegistryKind.InMemory, "mark" },
        { RegistryKind.InMemory, "look up" },
        { RegistryKind.DistributedOverMemoryCache, "mark" },
        { RegistryKind.DistributedOverMemoryCache, "look up" },
    };

    [Theory]
    [MemberData(nameof(KindsAndOperations))]
    public async Task NullOrEmptyToken_IsRejected(RegistryKind kind, string operation)
    {
        var registry = Registries.Create(kind, _time);
        Func<string, Task> call = operation == "mark"
            ? token => registry.MarkRevokedAsync(token).AsTask()
            : token => registry.IsRevokedAsync(token).AsTask();

        await Assert.ThrowsAsync<ArgumentNullException>("token", () => call(null!));
        await Assert.ThrowsAsync<ArgumentException>("token", () => call(string.Empty));
    }

    [Fact]
    public void KeyOf_OpaqueToken_IsTheTaggedSha256TruncatedTo128BitsInUpperCaseHex()
    {
        // sha256("tok\0abc"): the kind's tag, then the token's UTF-8 bytes; the first 16 bytes in hex.
        var expected = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("tok\0abc"u8))[..32];

        Assert.Equal(expected, RevokedTokenRegistry.KeyOf("abc"));
    }

    [Fact]
    public async Task DistributedRegistry_StoresUnderThePrefixedHashWithTheEndAsValueAndATimeToLive()
    {
        var cache = new RecordingCache();
        var registry = new DistributedRevokedTokenRegistry(cache, new RevokedTokenRegistryOptions { ClockSkew = TimeSpan.Zero }, _time);
        var exp = _time.GetUtcNow().AddMinutes(10);
        var token = TestTokens.ExpiringAt(exp);

        await registry.MarkRevokedAsync(token);

        var (key, value, entry) = Assert.Single(cache.Writes);
        Assert.Equal(DistributedRevokedTokenRegistry.KeyPrefix + RevokedTokenRegistry.KeyOf(token), key);
        Assert.Equal(exp.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.ASCII.GetString(value));
        Assert.Equal((TimeSpan.FromMinutes(10), (DateTimeOffset?)null), (entry.AbsoluteExpirationRelativeToNow, entry.AbsoluteExpiration));
    }

    [Fact]
    public async Task DistributedRegistry_EntryWhoseValueCannotBeRead_CountsAsRevoked()
    {
        var cache = Registries.MemoryCache();
        var registry = new DistributedRevokedTokenRegistry(cache, options: null, _time);
        var token = TestTokens.Opaque();
        await cache.SetAsync(DistributedRevokedTokenRegistry.KeyPrefix + RevokedTokenRegistry.KeyOf(token), "garbage"u8.ToArray());

        Assert.True(await registry.IsRevokedAsync(token));
    }

    [Theory]
    [InlineData("OpaqueTokenLifetime", 0, 5)]
    [InlineData("OpaqueTokenLifetime", 400 * 24 * 60, 5)]
    [InlineData("ClockSkew", 60, -1)]
    [InlineData("ClockSkew", 60, 2 * 24 * 60)]
    public void Constructor_OptionsOutOfRange_FailsNamingTheSetting(string setting, int lifetimeMinutes, int skewMinutes)
    {
        var options = new RevokedTokenRegistryOptions
        {
            OpaqueTokenLifetime = TimeSpan.FromMinutes(lifetimeMinutes),
            ClockSkew = TimeSpan.FromMinutes(skewMinutes),
        };

        var exception = Assert.Throws<OptionsValidationException>(() => new InMemoryRevokedTokenRegistry(options, _time));

        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
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
