using System.Net;
using AuthingClient.Redis.Tests.Support;
using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuthingClient.Redis.Tests;

/// <summary>
/// Issue 18: per-user and per-session revocations travel through the replicated registry as token
/// entries do: the same log, the same bootstrap of a new instance, and the same re-publication when
/// Redis comes back without its data. Redis holds their keys only, never a subject or session id.
/// </summary>
public sealed class ReplicaUserRevocationTests : IDisposable
{
    private readonly AuthingServer _authing = AuthingServer.Answering(AuthingAnswer.Revoked);
    private readonly EcdsaTokens _tokens = new();

    [RedisFact]
    public async Task RevokedUserOnOneInstance_ItsTokensAreRejectedByEveryOtherAndByALateOne_TokensIssuedLaterAreNot()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        await using var b = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var token = _tokens.Create(withJwtId: true);
        var other = _tokens.Create(withJwtId: true);

        await Registry(a).RevokeUserAsync(TestTokens.Issuer, SubjectOf(token), DateTimeOffset.UtcNow);
        await a.PublishedAsync();
        await using var late = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);

        Assert.Equal(HttpStatusCode.Unauthorized, await a.GetMeAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, await b.EventuallyAsync(token, HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Unauthorized, await late.GetMeAsync(token));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (await b.GetMeAsync(other), await late.GetMeAsync(other)));
        Assert.False(await Registry(late).IsRevokedAsync(WithClaims(SubjectOf(token), issuedAt: DateTimeOffset.UtcNow.AddMinutes(1))), "a token issued after the revocation");
    }

    [RedisFact]
    public async Task RevokedUserForOneAudienceAndRevokedSession_ReachALateInstanceNarrowedAsMarked()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var now = DateTimeOffset.UtcNow;

        await Registry(a).RevokeUserAsync(TestTokens.Issuer, "alice", now, audience: "app-1");
        await Registry(a).RevokeSessionAsync(TestTokens.Issuer, "session-1", now);
        await a.PublishedAsync();
        await using var late = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);

        var registry = Registry(late);
        Assert.True(await registry.IsRevokedAsync(WithClaims("alice", now.AddMinutes(-1), audience: "app-1")));
        Assert.False(await registry.IsRevokedAsync(WithClaims("alice", now.AddMinutes(-1), audience: "app-2")));
        Assert.True(await registry.IsRevokedAsync(WithClaims("bob", now.AddMinutes(-1), sessionId: "session-1")));
        Assert.False(await registry.IsRevokedAsync(WithClaims("bob", now.AddMinutes(-1), sessionId: "session-2")));
    }

    [RedisFact]
    public async Task RedisRestartedWithoutItsData_RevokedUsersArePublishedAgain_ANewInstanceRejectsTheirTokens()
    {
        await using var redis = await RedisProcess.StartAsync(persistent: false);
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var token = _tokens.Create(withJwtId: true);
        await Registry(a).RevokeUserAsync(TestTokens.Issuer, SubjectOf(token), DateTimeOffset.UtcNow);
        Assert.Equal(0, await a.PublishedAsync());

        await redis.KillAsync();
        await redis.RestartAsync();
        await using var late = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);

        Assert.Equal(HttpStatusCode.Unauthorized, await late.EventuallyAsync(token, HttpStatusCode.Unauthorized));
    }

    [RedisFact]
    public async Task Redis_HoldsNoSubjectNorSessionId()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var subject = "subject-" + Guid.NewGuid().ToString("N");
        var session = "session-" + Guid.NewGuid().ToString("N");

        await Registry(a).RevokeUserAsync(TestTokens.Issuer, subject, DateTimeOffset.UtcNow, audience: "app-1");
        await Registry(a).RevokeSessionAsync(TestTokens.Issuer, session, DateTimeOffset.UtcNow);
        Assert.Equal(0, await a.PublishedAsync());

        await using var connection = await redis.ConnectAsync();
        var dump = await RedisDump.AllAsync(connection);
        Assert.Contains(dump, entry => entry.Key.EndsWith(":revoked-at", StringComparison.Ordinal));
        Assert.DoesNotContain(dump, entry => entry.Content.Contains(subject, StringComparison.Ordinal) || entry.Content.Contains(session, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _authing.Dispose();
        _tokens.Dispose();
    }

    private static RevokedTokenRegistry Registry(FleetInstance instance) => instance.Api.Services.GetRequiredService<RevokedTokenRegistry>();

    private static string SubjectOf(string token) => new JsonWebToken(token).Subject;

    /// <summary>An unsigned token with the given claims: the registry reads claims without validating.</summary>
    private static string WithClaims(string subject, DateTimeOffset issuedAt, string audience = TestTokens.Audience, string? sessionId = null)
    {
        var claims = new Dictionary<string, object> { ["iss"] = TestTokens.Issuer, ["sub"] = subject, ["aud"] = audience, ["iat"] = issuedAt.ToUnixTimeSeconds() };
        if (sessionId is not null)
        {
            claims["sid"] = sessionId;
        }

        return TestTokens.WithPayload(System.Text.Json.JsonSerializer.Serialize(claims));
    }
}
