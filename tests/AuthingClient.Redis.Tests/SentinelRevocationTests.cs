using System.Net;
using AuthingClient.Redis.Tests.Support;
using AuthingClient.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace AuthingClient.Redis.Tests;

/// <summary>
/// Issue 19: the replicated registry on a real primary + replica + Sentinel set, through a Sentinel
/// connection string, across failovers.
/// </summary>
[Collection(ProcessWideTests.Name)]
public sealed class SentinelRevocationTests(ITestOutputHelper output) : IDisposable
{
    private readonly AuthingServer _authing = AuthingServer.Answering(AuthingAnswer.Revoked);
    private readonly EcdsaTokens _tokens = new();

    [RedisFact]
    public async Task ThroughSentinel_InstancesLoad_ARevocationReachesTheOthers_AndANewInstanceRejectsIt()
    {
        await using var set = await RedisSentinelSet.StartAsync();
        await using var a = await FleetInstance.StartAsync(set.Configuration, _authing, _tokens);
        await using var b = await FleetInstance.StartAsync(set.Configuration, _authing, _tokens);
        var revoked = _tokens.Create(withJwtId: true);

        Assert.True(await a.RevokeAsync(revoked));
        var onB = await b.EventuallyAsync(revoked, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await a.PublishedAsync());
        await using var late = await FleetInstance.StartAsync(set.Configuration, _authing, _tokens);

        Assert.Equal(HttpStatusCode.Unauthorized, onB);
        Assert.Equal(HttpStatusCode.Unauthorized, await late.GetMeAsync(revoked));
        Assert.Equal(HttpStatusCode.OK, await late.GetMeAsync(_tokens.Create(withJwtId: true)));
    }

    [RedisFact]
    public async Task AfterACleanFailover_RevocationsReachTheNewPrimary_AndEveryInstance()
    {
        await using var set = await RedisSentinelSet.StartAsync();
        await using var a = await FleetInstance.StartAsync(set.Configuration, _authing, _tokens);
        await using var b = await FleetInstance.StartAsync(set.Configuration, _authing, _tokens);
        var before = _tokens.Create(withJwtId: true);
        Assert.True(await a.RevokeAsync(before));
        Assert.Equal(0, await a.PublishedAsync());

        await set.FailOverAsync();
        var after = _tokens.Create(withJwtId: true);
        Assert.True(await a.RevokeAsync(after));
        var onB = await b.EventuallyAsync(after, HttpStatusCode.Unauthorized);
        await using var late = await FleetInstance.StartAsync(set.Configuration, _authing, _tokens);

        // A mark made just as the failover completes can land on the old primary before the Sentinel
        // demotes it (it then resyncs from the new one and drops it): the instances that made or read
        // it publish it again on their next read, so the new instance gets it, if not at once.
        Assert.Equal(HttpStatusCode.Unauthorized, onB);
        Assert.Equal(HttpStatusCode.Unauthorized, await late.EventuallyAsync(before, HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Unauthorized, await late.EventuallyAsync(after, HttpStatusCode.Unauthorized));
        Assert.Equal("2", (await set.Primary.CliAsync("zcard", "{fleet-tests}:live")).Trim());
    }

    [RedisFact]
    public async Task FailoverLosingAcknowledgedWritesMidTraffic_ValidRequestsKeep200WithoutBlockedThreads_HealthDegradedThenHealthy_NothingLost()
    {
        await using var set = await RedisSentinelSet.StartAsync();
        await using var a = await FleetInstance.StartAsync(set.Configuration, _authing, _tokens);
        await using var b = await FleetInstance.StartAsync(set.Configuration, _authing, _tokens);
        var valid = _tokens.Create(withJwtId: true);
        Assert.Equal(HttpStatusCode.OK, await b.GetMeAsync(valid));

        using var watch = new ThreadPoolWatch();
        using var stop = new CancellationTokenSource();
        var requests = Traffic.RunAsync(() => b.GetMeAsync(valid), stop.Token);
        var health = Traffic.RunAsync(b.HealthAsync, answers => Traffic.Changes(answers) is [.., HealthStatus.Degraded, HealthStatus.Healthy], stop.Token);
        var lost = Enumerable.Range(0, 3).Select(_ => _tokens.Create(withJwtId: true)).ToList();
        await set.FailOverLosingAsync(async () =>
        {
            // Acknowledged by the primary, read by B, never received by the replica about to be promoted.
            foreach (var token in lost)
            {
                Assert.True(await a.RevokeAsync(token));
            }

            Assert.Equal(0, await a.PublishedAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, await b.EventuallyAsync(lost[^1], HttpStatusCode.Unauthorized));
        });
        var healthChanges = Traffic.Changes(await health);
        await set.WaitForFailoverEndAsync();
        await stop.CancelAsync();
        var answers = await requests;
        var blocked = watch.BlockedInjections.ToList();
        var waitingOnTasks = watch.SyncOverAsyncInjections.ToList();
        var switched = b.Log.ToString();

        output.WriteLine($"{answers.Count} requests, slowest {answers.Max(answer => answer.Took.TotalMilliseconds):F1} ms; over 100 ms: {string.Join(", ", answers.Where(answer => answer.Took.TotalMilliseconds > 100).Select(answer => $"{answer.At:HH:mm:ss.fff} {answer.Took.TotalMilliseconds:F0} ms"))}");
        output.WriteLine($"health: {string.Join(" > ", healthChanges)}; thread-pool injections for blocked threads: {string.Join("; ", blocked)}");
        output.WriteLine("B:\n" + b.Log);
        await using var late = await FleetInstance.StartAsync(set.Configuration, _authing, _tokens);
        var onLate = new List<HttpStatusCode>();
        foreach (var token in lost)
        {
            onLate.Add(await late.EventuallyAsync(token, HttpStatusCode.Unauthorized));
        }

        Assert.Contains("RedisPrimarySwitched", switched, StringComparison.Ordinal);
        Assert.Contains("RedisDataLost", a.Log.ToString() + b.Log, StringComparison.Ordinal);
        Assert.All(onLate, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal([HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Healthy], healthChanges);
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Answer));
        Assert.Empty(waitingOnTasks);
    }

    public void Dispose()
    {
        _authing.Dispose();
        _tokens.Dispose();
    }
}
