using System.Net;
using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.AspNetCore.Tests;

/// <summary>
/// Per-user and per-session revocations as the JwtBearer check enforces them: every token of the
/// subject (or session) from that issuer issued at or before T is rejected, in whole seconds; a token
/// without <c>iat</c> counts as issued before; a later one is accepted; an audience narrows.
/// </summary>
public sealed class JwtBearerUserRevocationTests : IAsyncLifetime, IDisposable
{
    private const HttpStatusCode Accepted = HttpStatusCode.OK;
    private const HttpStatusCode Rejected = HttpStatusCode.Unauthorized;
    private const string AppA = "app-a";
    private const string AppB = "app-b";

    private static readonly DateTimeOffset T = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);

    private readonly EcdsaTokens _tokens = new();
    private ProtectedApi _api = null!;

    private RevokedTokenRegistry Registry => _api.Services.GetRequiredService<RevokedTokenRegistry>();

    public async Task InitializeAsync() => _api = await ProtectedApi.StartAsync(jwtBearer: o =>
    {
        o.TokenValidationParameters = _tokens.ValidationParameters();
        o.TokenValidationParameters.ValidAudiences = [TestTokens.Audience, AppA, AppB];
    });

    [Fact]
    public async Task UserRevoked_TokensIssuedAtOrBeforeT_Rejected_AfterT_Accepted_OtherUsersAccepted()
    {
        var before = _tokens.CreateFor("alice", issuedAt: T.AddMinutes(-5));
        var atT = _tokens.CreateFor("alice", issuedAt: T.AddMilliseconds(900));
        var after = _tokens.CreateFor("alice", issuedAt: T.AddSeconds(1));
        var bob = _tokens.CreateFor("bob", issuedAt: T.AddMinutes(-5));

        await Registry.RevokeUserAsync(TestTokens.Issuer, "alice", T);

        Assert.Equal([Rejected, Rejected, Accepted, Accepted], await MeAsync(before, atT, after, bob));
    }

    [Fact]
    public async Task UserRevoked_ATokenWithoutIat_IsRejected()
    {
        var withoutIat = _tokens.CreateFor("alice", withIssuedAt: false);

        await Registry.RevokeUserAsync(TestTokens.Issuer, "alice", T);

        Assert.Equal([Rejected], await MeAsync(withoutIat));
    }

    [Fact]
    public async Task UserRevokedAtAnotherIssuer_TheTokenIsAccepted()
    {
        var token = _tokens.CreateFor("alice", issuedAt: T.AddMinutes(-5));

        await Registry.RevokeUserAsync("https://other.authing.cn/oidc", "alice", T);

        Assert.Equal([Accepted], await MeAsync(token));
    }

    [Fact]
    public async Task UserRevokedForOneAudience_ThatAudiencesTokensRejected_AnotherAudiencesAccepted()
    {
        var atA = _tokens.CreateFor("alice", audience: AppA, issuedAt: T.AddMinutes(-5));
        var atB = _tokens.CreateFor("alice", audience: AppB, issuedAt: T.AddMinutes(-5));

        await Registry.RevokeUserAsync(TestTokens.Issuer, "alice", T, AppA);

        Assert.Equal([Rejected, Accepted], await MeAsync(atA, atB));
    }

    [Fact]
    public async Task SessionRevoked_ItsTokensRejected_OtherSessionsAndLaterTokensAccepted()
    {
        var session = _tokens.CreateFor("alice", sessionId: "s-1", issuedAt: T.AddMinutes(-5));
        var withoutIat = _tokens.CreateFor("alice", sessionId: "s-1", withIssuedAt: false);
        var later = _tokens.CreateFor("alice", sessionId: "s-1", issuedAt: T.AddSeconds(1));
        var otherSession = _tokens.CreateFor("alice", sessionId: "s-2", issuedAt: T.AddMinutes(-5));
        var noSession = _tokens.CreateFor("alice", issuedAt: T.AddMinutes(-5));

        await Registry.RevokeSessionAsync(TestTokens.Issuer, "s-1", T);

        Assert.Equal([Rejected, Rejected, Accepted, Accepted, Accepted], await MeAsync(session, withoutIat, later, otherSession, noSession));
    }

    [Fact]
    public async Task EmptyIssuerSubjectOrSession_ThrowsArgumentException()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Registry.RevokeUserAsync("", "alice", T));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Registry.RevokeUserAsync(TestTokens.Issuer, "", T));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Registry.RevokeSessionAsync(TestTokens.Issuer, "", T));
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _tokens.Dispose();

    private async Task<HttpStatusCode[]> MeAsync(params string[] tokens)
    {
        var answers = new HttpStatusCode[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            answers[i] = await _api.GetMeAsync(tokens[i]);
        }

        return answers;
    }
}
