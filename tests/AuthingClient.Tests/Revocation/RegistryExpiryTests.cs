using AuthingClient.TestSupport;
using AuthingClient.Revocation;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Tests.Revocation;

/// <summary>
/// The in-memory registry's own expiry: expired entries purged, no overflow at the end of time. What
/// every registry does (entries end when the token could no longer be accepted) is <see cref="RevokedTokenRegistryContract"/>.
/// </summary>
public sealed class RegistryExpiryTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task InMemoryRegistry_ExpiredEntries_ArePurged()
    {
        var registry = new InMemoryRevokedTokenRegistry(new RevokedTokenRegistryOptions { MaxTokenLifetime = TimeSpan.FromHours(1) }, _time);
        for (var i = 0; i < 100; i++)
        {
            await registry.MarkRevokedAsync(TestTokens.Opaque());
        }

        _time.Advance(TimeSpan.FromHours(2));
        await registry.MarkRevokedAsync(TestTokens.Opaque());

        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public async Task MarkRevokedAsync_JwtExpiringAtTheEndOfTime_DoesNotOverflow()
    {
        var registry = new InMemoryRevokedTokenRegistry(options: null, _time);
        var token = TestTokens.WithPayload("""{"exp":253402300799}""");

        await registry.MarkRevokedAsync(token);

        Assert.True(await registry.IsRevokedAsync(token));
    }
}
