using System.Net;
using AuthingClient.TestSupport;
using AuthingClient.Revocation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.AspNetCore.Tests;

/// <summary>
/// A real ASP.NET Core app validating JWTs locally: once its own <see cref="AuthenticationClient"/>
/// revoked a token (Authing being a WireMock server), JwtBearer rejects that token and only that one.
/// </summary>
public sealed class JwtBearerRevocationCheckTests
{
    [Fact]
    public async Task RevokedThroughTheClient_TheSameRequestIsRejected_AnUnrelatedTokenStillAccepted()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        await using var api = await ProtectedApi.StartAsync(services => services.AddAuthingAuthenticationClient(o => authing.Configure(o)));
        var token = TestTokens.Jwt();
        var unrelated = TestTokens.Jwt();
        Assert.Equal(HttpStatusCode.OK, await api.GetMeAsync(token));

        Assert.True(await api.AuthingClient().RevokeTokenAsync(token));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (await api.GetMeAsync(token), await api.GetMeAsync(unrelated)));
    }

    [Fact]
    public async Task KeyedClients_ATokenRevokedThroughEither_IsRejectedByTheOneCheck()
    {
        using var tenantA = AuthingServer.Answering(AuthingAnswer.Revoked);
        using var tenantB = AuthingServer.Answering(AuthingAnswer.Revoked);
        await using var api = await ProtectedApi.StartAsync(services =>
        {
            services.AddAuthingAuthenticationClient("tenant-a", o => tenantA.Configure(o));
            services.AddAuthingAuthenticationClient("tenant-b", o => tenantB.Configure(o));
        });
        var (revokedAtA, revokedAtB, unrelated) = (TestTokens.Jwt(), TestTokens.Jwt(), TestTokens.Jwt());

        Assert.True(await api.Services.GetRequiredKeyedService<AuthenticationClient>("tenant-a").RevokeTokenAsync(revokedAtA));
        Assert.True(await api.Services.GetRequiredKeyedService<AuthenticationClient>("tenant-b").RevokeTokenAsync(revokedAtB));

        Assert.Equal((1, 1), (tenantA.RequestCount, tenantB.RequestCount));
        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK),
            (await api.GetMeAsync(revokedAtA), await api.GetMeAsync(revokedAtB), await api.GetMeAsync(unrelated)));
    }

    [Fact]
    public async Task AuthingAnswersUnsupportedTokenType_FailClosedByDefault_TheTokenIsRejectedLocally()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.UnsupportedTokenType);
        await using var api = await ProtectedApi.StartAsync(services => services.AddAuthingAuthenticationClient(o => authing.Configure(o)));
        var token = TestTokens.Jwt();

        Assert.False(await api.AuthingClient().RevokeTokenAsync(token));

        Assert.Equal(HttpStatusCode.Unauthorized, await api.GetMeAsync(token));
    }

    [Fact]
    public async Task AuthingFails_WhenConfirmed_TheTokenIsStillAccepted()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.ServerError);
        await using var api = await ProtectedApi.StartAsync(services =>
            services.AddAuthingAuthenticationClient(o => authing.Configure(o, RevokedTokenMarking.WhenConfirmed)));
        var token = TestTokens.Jwt();

        await Assert.ThrowsAsync<AuthingRevocationException>(() => api.AuthingClient().RevokeTokenAsync(token));

        Assert.Equal(HttpStatusCode.OK, await api.GetMeAsync(token));
    }

    [Fact]
    public async Task RevokedToken_FailureMessageSaysRevokedWithoutTheToken()
    {
        await using var api = await ProtectedApi.StartAsync();
        var token = TestTokens.Jwt();
        await api.Services.GetRequiredService<RevokedTokenRegistry>().MarkRevokedAsync(token);

        var why = await api.WhyAsync(token);

        Assert.Equal("The bearer token has been revoked.", why);
    }

    [Fact]
    public async Task RegistryCannotBeRead_TheTokenIsRejected()
    {
        await using var api = await ProtectedApi.StartAsync(services =>
            services.AddSingleton<RevokedTokenRegistry>(new RecordingRegistry(failsWith: new TimeoutException("store down"))));

        var (status, why) = (await api.GetMeAsync(TestTokens.Jwt()), await api.WhyAsync(TestTokens.Jwt()));

        Assert.Equal((HttpStatusCode.Unauthorized, "The bearer token's revocation status could not be checked."), (status, why));
    }

    [Fact]
    public async Task ApplicationsOwnOnTokenValidated_IsKeptAndRunsFirst()
    {
        var calls = 0;
        await using var api = await ProtectedApi.StartAsync(jwtBearer: o => o.Events = new JwtBearerEvents
        {
            OnTokenValidated = _ =>
            {
                Interlocked.Increment(ref calls);
                return Task.CompletedTask;
            },
        });
        var revoked = TestTokens.Jwt();
        await api.Services.GetRequiredService<RevokedTokenRegistry>().MarkRevokedAsync(revoked);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (await api.GetMeAsync(TestTokens.Jwt()), await api.GetMeAsync(revoked)));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ApplicationsOwnOnTokenValidatedFailsTheRequest_ItsVerdictStandsAndTheRegistryIsNotAsked()
    {
        var registry = new RecordingRegistry();
        await using var api = await ProtectedApi.StartAsync(
            services => services.AddSingleton<RevokedTokenRegistry>(registry),
            o => o.Events = new JwtBearerEvents { OnTokenValidated = context => Fail(context, "Refused by the application.") });

        var why = await api.WhyAsync(TestTokens.Jwt());

        Assert.Equal(("Refused by the application.", 0), (why, registry.Calls));
    }

    [Fact]
    public async Task ApplicationsEventsType_IsKeptAndRevokedTokensAreStillRejected()
    {
        var seen = new SeenTokens();
        await using var api = await ProtectedApi.StartAsync(
            services => services.AddSingleton(seen).AddScoped<CountingEvents>(),
            o => o.EventsType = typeof(CountingEvents));
        var revoked = TestTokens.Jwt();
        await api.Services.GetRequiredService<RevokedTokenRegistry>().MarkRevokedAsync(revoked);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (await api.GetMeAsync(TestTokens.Jwt()), await api.GetMeAsync(revoked)));
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public async Task AddAuthingRevocationCheckTwice_ChecksOnceAndStillRejects()
    {
        var registry = new RecordingRegistry();
        await using var api = await ProtectedApi.StartAsync(services => services.AddSingleton<RevokedTokenRegistry>(registry).AddAuthingRevocationCheck());
        var token = TestTokens.Jwt();

        Assert.Equal(HttpStatusCode.OK, await api.GetMeAsync(token));
        var byTheRequest = registry.Calls;
        await registry.IsRevokedAsync(token);

        // One check looks up the token, its user and its user with its audience: the request made as many look-ups as one check.
        Assert.Equal(byTheRequest, registry.Calls - byTheRequest);
    }

    private static Task Fail(TokenValidatedContext context, string message)
    {
        context.Fail(message);
        return Task.CompletedTask;
    }

    public sealed class SeenTokens
    {
        private int _count;

        public int Count => _count;

        public void Add() => Interlocked.Increment(ref _count);
    }

    public sealed class CountingEvents(SeenTokens seen) : JwtBearerEvents
    {
        public override Task TokenValidated(TokenValidatedContext context)
        {
            seen.Add();
            return Task.CompletedTask;
        }
    }
}
