using AuthingClient.Revocation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AuthingClient.TestSupport;

/// <summary>
/// What every revoked-token registry does whatever its store: an entry lives exactly as long as the
/// token could otherwise be accepted, by the registry's <see cref="TimeProvider"/>, and a null or
/// empty token is refused. Each registry's own test project derives a class that builds it, so
/// these theories run once per registry, in the project of the assembly that ships it.
/// </summary>
public abstract class RevokedTokenRegistryContract
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Exp = Start.AddMinutes(42);
    private static readonly TimeSpan JustOver = TimeSpan.FromSeconds(1);

    /// <summary>A token, the registry options, and when its entry must end.</summary>
    private static readonly Dictionary<string, (Func<string> Token, RevokedTokenRegistryOptions Options, DateTimeOffset End)> Lifetimes = new()
    {
        ["JWT without clock skew: until exp"] = (() => TestTokens.ExpiringAt(Exp), new() { ClockSkew = TimeSpan.Zero }, Exp),
        ["JWT, default clock skew: until 5 minutes past exp"] = (() => TestTokens.ExpiringAt(Exp), new(), Exp + TimeSpan.FromMinutes(5)),
        ["opaque token: the configured lifetime"] = (TestTokens.Opaque, new() { MaxTokenLifetime = TimeSpan.FromHours(2) }, Start + TimeSpan.FromHours(2)),
        ["opaque token: 30 days by default"] = (TestTokens.Opaque, new(), Start + TimeSpan.FromDays(30)),
        ["JWT whose exp is a string: like an opaque token"] = (() => TestTokens.WithPayload("""{"exp":"soon"}"""), new() { MaxTokenLifetime = TimeSpan.FromHours(2) }, Start + TimeSpan.FromHours(2)),
    };

    private readonly FakeTimeProvider _time = new(Start);

    public static TheoryData<string> LifetimeNames => [.. Lifetimes.Keys];

    /// <summary>The registry under test, on <paramref name="time"/>.</summary>
    protected abstract RevokedTokenRegistry Create(TimeProvider time, RevokedTokenRegistryOptions? options = null);

    [Theory]
    [MemberData(nameof(LifetimeNames), MemberType = typeof(RevokedTokenRegistryContract))]
    public async Task MarkedToken_IsRevokedUntilItsEntryEndsAndNotAfter(string lifetime)
    {
        var (token, options, end) = Lifetimes[lifetime];
        var registry = Create(_time, options);
        var marked = token();
        await registry.MarkRevokedAsync(marked);

        _time.SetUtcNow(end - JustOver);
        Assert.True(await registry.IsRevokedAsync(marked), "revoked just before the entry's end");

        _time.SetUtcNow(end + JustOver);
        Assert.False(await registry.IsRevokedAsync(marked), "not revoked just after the entry's end");
    }

    [Fact]
    public async Task MarkedJwtAlreadyPastExpAndSkew_IsNotRemembered()
    {
        var registry = Create(_time);
        var token = TestTokens.ExpiringAt(Start - TimeSpan.FromMinutes(6));

        await registry.MarkRevokedAsync(token);

        Assert.False(await registry.IsRevokedAsync(token));
    }

    [Fact]
    public async Task TokenNeverMarked_IsNotRevoked()
    {
        var registry = Create(_time);
        await registry.MarkRevokedAsync(TestTokens.Opaque());

        Assert.False(await registry.IsRevokedAsync(TestTokens.Opaque()));
    }

    [Theory]
    [InlineData("mark")]
    [InlineData("look up")]
    public async Task NullOrEmptyToken_IsRejected(string operation)
    {
        var registry = Create(_time);
        Func<string, Task> call = operation == "mark"
            ? token => registry.MarkRevokedAsync(token).AsTask()
            : token => registry.IsRevokedAsync(token).AsTask();

        await Assert.ThrowsAsync<ArgumentNullException>("token", () => call(null!));
        await Assert.ThrowsAsync<ArgumentException>("token", () => call(string.Empty));
    }

    private const string Issuer = "https://example.authing.cn/oidc";
    private static readonly long StartSeconds = Start.ToUnixTimeSeconds();

    /// <summary>A JWT of <paramref name="subject"/> from <see cref="Issuer"/>, issued at <paramref name="issuedAt"/> (Unix seconds; none when null).</summary>
    private static string UserToken(string subject, long? issuedAt, string audience = "app-1", string? sessionId = null, string issuer = Issuer)
    {
        var claims = new Dictionary<string, object> { ["iss"] = issuer, ["sub"] = subject, ["aud"] = audience, ["jti"] = Guid.NewGuid().ToString("N") };
        if (issuedAt is { } iat)
        {
            claims["iat"] = iat;
        }

        if (sessionId is not null)
        {
            claims["sid"] = sessionId;
        }

        return TestTokens.WithPayload(System.Text.Json.JsonSerializer.Serialize(claims));
    }

    [Fact]
    public async Task RevokedUser_TokensIssuedAtOrBeforeTheTime_AreRevokedLaterOnesAndOthersAreNot()
    {
        var registry = Create(_time);

        await registry.RevokeUserAsync(Issuer, "alice", Start);

        Assert.True(await registry.IsRevokedAsync(UserToken("alice", StartSeconds - 60)), "issued before");
        Assert.True(await registry.IsRevokedAsync(UserToken("alice", StartSeconds)), "issued in the same second");
        Assert.True(await registry.IsRevokedAsync(UserToken("alice", issuedAt: null)), "no iat counts as before");
        Assert.False(await registry.IsRevokedAsync(UserToken("alice", StartSeconds + 1)), "issued after: the user signed in again");
        Assert.False(await registry.IsRevokedAsync(UserToken("bob", StartSeconds - 60)), "another user");
        Assert.False(await registry.IsRevokedAsync(UserToken("alice", StartSeconds - 60, issuer: "https://other.example/oidc")), "another issuer");
    }

    [Fact]
    public async Task RevokedUserForOneAudience_OnlyThatAudiencesTokensAreRevoked()
    {
        var registry = Create(_time);

        await registry.RevokeUserAsync(Issuer, "alice", Start, audience: "app-1");

        Assert.True(await registry.IsRevokedAsync(UserToken("alice", StartSeconds - 60, audience: "app-1")));
        Assert.False(await registry.IsRevokedAsync(UserToken("alice", StartSeconds - 60, audience: "app-2")));
    }

    [Fact]
    public async Task RevokedSession_ItsTokensAreRevokedOtherSessionsAreNot()
    {
        var registry = Create(_time);

        await registry.RevokeSessionAsync(Issuer, "session-1", Start);

        Assert.True(await registry.IsRevokedAsync(UserToken("alice", StartSeconds - 60, sessionId: "session-1")));
        Assert.False(await registry.IsRevokedAsync(UserToken("alice", StartSeconds - 60, sessionId: "session-2")));
        Assert.False(await registry.IsRevokedAsync(UserToken("alice", StartSeconds + 1, sessionId: "session-1")), "issued after the session ended");
    }

    [Fact]
    public async Task RevokedUser_LastsTheLongestTokenLifetimePlusSkewThenEnds()
    {
        var registry = Create(_time, new RevokedTokenRegistryOptions { MaxTokenLifetime = TimeSpan.FromHours(1), ClockSkew = TimeSpan.FromMinutes(5) });
        var token = UserToken("alice", StartSeconds - 60);
        await registry.RevokeUserAsync(Issuer, "alice", Start);

        _time.SetUtcNow(Start + TimeSpan.FromMinutes(65) - JustOver);
        Assert.True(await registry.IsRevokedAsync(token), "revoked just before the entry's end");

        _time.SetUtcNow(Start + TimeSpan.FromMinutes(65) + JustOver);
        Assert.False(await registry.IsRevokedAsync(token), "not revoked after the entry's end");
    }

    [Fact]
    public async Task RevokedUserTwice_TheLaterTimeCounts()
    {
        var registry = Create(_time);

        await registry.RevokeUserAsync(Issuer, "alice", Start - TimeSpan.FromMinutes(10));
        await registry.RevokeUserAsync(Issuer, "alice", Start);

        Assert.True(await registry.IsRevokedAsync(UserToken("alice", StartSeconds - 60)));
    }

    [Fact]
    public async Task RevokeUserAndSession_BadArguments_AreRejectedAndNothingIsStored()
    {
        var registry = Create(_time);

        await Assert.ThrowsAsync<ArgumentException>("issuer", () => registry.RevokeUserAsync("", "alice", Start).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>("subject", () => registry.RevokeUserAsync(Issuer, null!, Start).AsTask());
        await Assert.ThrowsAsync<ArgumentException>("audience", () => registry.RevokeUserAsync(Issuer, "alice", Start, audience: "").AsTask());
        await Assert.ThrowsAsync<ArgumentException>("sessionId", () => registry.RevokeSessionAsync(Issuer, "", Start).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("revokedAt", () => registry.RevokeUserAsync(Issuer, "alice", Start + TimeSpan.FromHours(1)).AsTask());

        Assert.False(await registry.IsRevokedAsync(UserToken("alice", StartSeconds - 60)));
    }
}
