using System.Net;
using AuthingClient.Redis.Tests.Support;
using AuthingClient.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthingClient.Redis.Tests;

/// <summary>
/// Issue 11: a farm of real instances sharing a real redis-server through the replicated registry.
/// A revocation on one reaches the others; a Redis outage (killed, frozen, restarted with or
/// without its data) is neither an auth outage nor a lost revocation.
/// </summary>
public sealed class FleetRevocationTests : IDisposable
{
    private readonly AuthingServer _authing = AuthingServer.Answering(AuthingAnswer.Revoked);
    private readonly EcdsaTokens _tokens = new();

    [RedisFact]
    public async Task RevocationOnOneInstance_IsRejectedByEveryOther_OthersStillAccepted()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        await using var b = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        await using var c = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var token = _tokens.Create(withJwtId: true);
        var unrelated = _tokens.Create(withJwtId: true);
        Assert.Equal(HttpStatusCode.OK, await b.GetMeAsync(token));

        Assert.True(await a.RevokeAsync(token));

        Assert.Equal(HttpStatusCode.Unauthorized, await a.GetMeAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, await b.EventuallyAsync(token, HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Unauthorized, await c.EventuallyAsync(token, HttpStatusCode.Unauthorized));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (await b.GetMeAsync(unrelated), await c.GetMeAsync(unrelated)));
    }

    [RedisFact]
    public async Task RevokedTokenVariants_MalleatedSignatureNoJwtIdAndOpaque_AreAllRejectedElsewhere()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        await using var b = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var withJwtId = _tokens.Create(withJwtId: true);
        var withoutJwtId = _tokens.Create(withJwtId: false);
        var opaque = TestTokens.Opaque();

        foreach (var token in new[] { withJwtId, withoutJwtId, opaque })
        {
            Assert.True(await a.RevokeAsync(token));
        }

        await a.PublishedAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await b.EventuallyAsync(withoutJwtId, HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Unauthorized, await b.GetMeAsync(EcdsaTokens.Malleate(withJwtId)));
        Assert.Equal(HttpStatusCode.Unauthorized, await b.GetMeAsync(EcdsaTokens.Malleate(withoutJwtId)));
        Assert.True(await b.Api.Services.GetRequiredService<AuthingClient.Revocation.RevokedTokenRegistry>().IsRevokedAsync(opaque));
    }

    [RedisFact]
    public async Task NewInstance_RejectsEveryLiveRevocationFromItsFirstRequest()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var revoked = Enumerable.Range(0, 50).Select(_ => _tokens.Create(withJwtId: true)).ToList();
        foreach (var token in revoked)
        {
            await a.RevokeAsync(token);
        }

        Assert.Equal(0, await a.PublishedAsync());
        await using var late = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);

        var answers = new List<HttpStatusCode>();
        foreach (var token in revoked)
        {
            answers.Add(await late.GetMeAsync(token));
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.OK, await late.GetMeAsync(_tokens.Create(withJwtId: true)));
        Assert.Equal(HealthStatus.Healthy, await late.HealthAsync());
    }

    [RedisFact]
    public async Task RedisKilledMidBurstAndRestartedWithItsData_ValidTokensServed_NoRevocationLost()
    {
        await using var redis = await RedisProcess.StartAsync(persistent: true);
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        await using var b = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var burst = Enumerable.Range(0, 200).Select(_ => _tokens.Create(withJwtId: true)).ToList();

        // Half the burst before Redis dies (kill -9), half while it is down.
        foreach (var token in burst.Take(100))
        {
            Assert.True(await a.RevokeAsync(token));
        }

        await redis.KillAsync();
        foreach (var token in burst.Skip(100))
        {
            Assert.True(await a.RevokeAsync(token));
        }

        var whileDown = (await b.GetMeAsync(_tokens.Create(withJwtId: true)), await a.GetMeAsync(burst[^1]));
        Assert.Equal(HealthStatus.Degraded, await Eventually.Async(b.HealthAsync, status => status == HealthStatus.Degraded));
        await redis.RestartAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), whileDown);
        Assert.Equal(HttpStatusCode.Unauthorized, await b.EventuallyAsync(burst[^1], HttpStatusCode.Unauthorized));
        Assert.Equal(0, await a.PublishedAsync());
        await using var late = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var onB = new List<HttpStatusCode>();
        var onLate = new List<HttpStatusCode>();
        foreach (var token in burst)
        {
            onB.Add(await b.EventuallyAsync(token, HttpStatusCode.Unauthorized));
            onLate.Add(await late.GetMeAsync(token));
        }

        Assert.All(onB, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.All(onLate, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HealthStatus.Healthy, await Eventually.Async(b.HealthAsync, status => status == HealthStatus.Healthy));
    }

    [RedisFact]
    public async Task RedisFrozen_ValidTokensServed_RevokedStayRejected_RevocationMadeMeanwhileArrivesAfterThaw()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        await using var b = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var before = _tokens.Create(withJwtId: true);
        await a.RevokeAsync(before);
        Assert.Equal(HttpStatusCode.Unauthorized, await b.EventuallyAsync(before, HttpStatusCode.Unauthorized));

        redis.Freeze();
        var during = _tokens.Create(withJwtId: true);
        Assert.True(await a.RevokeAsync(during));
        var answers = (await b.GetMeAsync(_tokens.Create(withJwtId: true)), await b.GetMeAsync(before), await a.GetMeAsync(during));
        redis.Thaw();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), answers);
        Assert.Equal(HttpStatusCode.Unauthorized, await b.EventuallyAsync(during, HttpStatusCode.Unauthorized));
    }

    [RedisFact]
    public async Task RedisRestartedWithoutItsData_InstancesPublishWhatTheyHoldAgain_ANewInstanceRejectsIt()
    {
        await using var redis = await RedisProcess.StartAsync(persistent: false);
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var revoked = _tokens.Create(withJwtId: true);
        await a.RevokeAsync(revoked);
        Assert.Equal(0, await a.PublishedAsync());

        await redis.KillAsync();
        await redis.RestartAsync();
        await using var late = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);

        var onLate = await late.EventuallyAsync(revoked, HttpStatusCode.Unauthorized);
        Assert.True(onLate == HttpStatusCode.Unauthorized, $"The late instance answered {onLate}.\nA:\n{a.Log}\nLate:\n{late.Log}");
    }

    [RedisFact]
    public async Task RedisUnreachableLongerThanFailClosedAfter_UnknownTokensAreRejected_UntilItIsBack()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var b = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens, o =>
        {
            o.FailClosedAfter = TimeSpan.FromSeconds(2);
            o.PollInterval = TimeSpan.FromMilliseconds(50);
        });
        var valid = _tokens.Create(withJwtId: true);
        Assert.Equal(HttpStatusCode.OK, await b.GetMeAsync(valid));

        await redis.KillAsync();
        var whileDown = await b.EventuallyAsync(valid, HttpStatusCode.Unauthorized);
        var why = await b.Api.WhyAsync(valid);
        await redis.RestartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, whileDown);
        Assert.Contains("could not be checked", why, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await b.EventuallyAsync(valid, HttpStatusCode.OK));
    }

    [RedisFact]
    public async Task HealthCheck_UnhealthyBeforeTheReplicaLoaded_HealthyAfter()
    {
        var port = RedisProcess.FreePort();
        await using var instance = await FleetInstance.StartAsync($"127.0.0.1:{port}", _authing, _tokens, o => o.LoadTimeout = TimeSpan.Zero);
        var token = _tokens.Create(withJwtId: true);

        var beforeRedis = (await instance.HealthAsync(), await instance.GetMeAsync(token));
        await using var redis = await RedisProcess.StartOnAsync(port);

        Assert.Equal((HealthStatus.Unhealthy, HttpStatusCode.Unauthorized), beforeRedis);
        Assert.Equal(HealthStatus.Healthy, await Eventually.Async(instance.HealthAsync, status => status == HealthStatus.Healthy));
        Assert.Equal(HttpStatusCode.OK, await instance.GetMeAsync(token));
    }

    [RedisFact]
    public async Task Redis_HoldsNoTokenNorAnyPartOfOne()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        string[] tokens = [_tokens.Create(withJwtId: true), _tokens.Create(withJwtId: false), TestTokens.Opaque()];
        foreach (var token in tokens)
        {
            await a.RevokeAsync(token);
        }

        Assert.Equal(0, await a.PublishedAsync());
        await using var connection = await redis.ConnectAsync();
        var dump = await RedisDump.AllAsync(connection);

        Assert.Contains(dump, entry => entry.Key.EndsWith(":live", StringComparison.Ordinal) && entry.Content.Split('\n').Length == 3);
        foreach (var part in tokens.SelectMany(token => token.Split('.')).Where(part => part.Length > 8))
        {
            Assert.DoesNotContain(dump, entry => entry.Key.Contains(part, StringComparison.Ordinal) || entry.Content.Contains(part, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        _authing.Dispose();
        _tokens.Dispose();
    }
}
