using AuthingClient.TestSupport;
using AuthingClient.Revocation;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Tests.Revocation;

/// <summary>An entry lives exactly as long as the token could otherwise be accepted, by the registry's <see cref="TimeProvider"/>.</summary>
public sealed class RegistryExpiryTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Exp = Start.AddMinutes(42);
    private static readonly TimeSpan JustOver = TimeSpan.FromSeconds(1);

    /// <summary>A token, the registry options, and when its entry must end.</summary>
    private static readonly Dictionary<string, (Func<string> Token, RevokedTokenRegistryOptions Options, DateTimeOffset End)> Lifetimes = new()
    {
        ["JWT without clock skew: until exp"] = (() => TestTokens.ExpiringAt(Exp), new() { ClockSkew = TimeSpan.Zero }, Exp),
        ["JWT, default clock skew: until 5 minutes past exp"] = (() => TestTokens.ExpiringAt(Exp), new(), Exp + TimeSpan.FromMinutes(5)),
        ["opaque token: the configured lifetime"] = (TestTokens.Opaque, new() { OpaqueTokenLifetime = TimeSpan.FromHours(2) }, Start + TimeSpan.FromHours(2)),
        ["opaque token: 30 days by default"] = (TestTokens.Opaque, new(), Start + TimeSpan.FromDays(30)),
        ["JWT whose exp is a string: like an opaque token"] = (() => TestTokens.WithPayload("""{"exp":"soon"}"""), new() { OpaqueTokenLifetime = TimeSpan.FromHours(2) }, Start + TimeSpan.FromHours(2)),
    };

    private readonly FakeTimeProvider _time = new(Start);

    public static TheoryData<RegistryKind, string> KindsAndLifetimes =>
        Cases(from kind in Enum.GetValues<RegistryKind>() from name in Lifetimes.Keys select (kind, name));

    [Theory]
    [MemberData(nameof(KindsAndLifetimes))]
    public async Task MarkedToken_IsRevokedUntilItsEntryEndsAndNotAfter(RegistryKind kind, string lifetime)
    {
        var (token, options, end) = Lifetimes[lifetime];
        var registry = Registries.Create(kind, _time, options);
        var marked = token();
        await registry.MarkRevokedAsync(marked);

        _time.SetUtcNow(end - JustOver);
        Assert.True(await registry.IsRevokedAsync(marked), "revoked just before the entry's end");

        _time.SetUtcNow(end + JustOver);
        Assert.False(await registry.IsRevokedAsync(marked), "not revoked just after the entry's end");
    }

    [Theory]
    [MemberData(nameof(Registries.Kinds), MemberType = typeof(Registries))]
    public async Task MarkedJwtAlreadyPastExpAndSkew_IsNotRemembered(RegistryKind kind)
    {
        var registry = Registries.Create(kind, _time);
        var token = TestTokens.ExpiringAt(Start - TimeSpan.FromMinutes(6));

        await registry.MarkRevokedAsync(token);

        Assert.False(await registry.IsRevokedAsync(token));
    }

    [Theory]
    [MemberData(nameof(Registries.Kinds), MemberType = typeof(Registries))]
    public async Task TokenNeverMarked_IsNotRevoked(RegistryKind kind)
    {
        var registry = Registries.Create(kind, _time);
        await registry.MarkRevokedAsync(TestTokens.Opaque());

        Assert.False(await registry.IsRevokedAsync(TestTokens.Opaque()));
    }

    [Fact]
    public async Task InMemoryRegistry_ExpiredEntries_ArePurged()
    {
        var registry = new InMemoryRevokedTokenRegistry(new RevokedTokenRegistryOptions { OpaqueTokenLifetime = TimeSpan.FromHours(1) }, _time);
        for (var i = 0; i < 100; i++)
        {
            await registry.MarkRevokedAsync(TestTokens.Opaque());
        }

        _time.Advance(TimeSpan.FromHours(2));
        await registry.MarkRevokedAsync(TestTokens.Opaque());

        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void ExpiryOf_JwtExpiringAtTheEndOfTime_DoesNotOverflow()
    {
        var registry = new InMemoryRevokedTokenRegistry(options: null, _time);

        Assert.Equal(DateTimeOffset.MaxValue, registry.ExpiryOf(TestTokens.WithPayload("""{"exp":253402300799}""")));
    }

    private static TheoryData<RegistryKind, string> Cases(IEnumerable<(RegistryKind, string)> cases)
    {
        var data = new TheoryData<RegistryKind, string>();
        foreach (var (kind, name) in cases)
        {
            data.Add(kind, name);
        }

        return data;
    }
}
