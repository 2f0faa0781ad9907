using System.Net;
using AuthingClient.Redis.Tests.Support;
using AuthingClient.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthingClient.Redis.Tests;

/// <summary>
/// Issue 19: the replicated registry on a real 3-master Redis Cluster. Its keys share one hash slot,
/// so its script runs on one node; a mark still reaches every instance and a new one.
/// </summary>
public sealed class ClusterRevocationTests : IDisposable
{
    private readonly AuthingServer _authing = AuthingServer.Answering(AuthingAnswer.Revoked);
    private readonly EcdsaTokens _tokens = new();

    [RedisFact]
    public async Task OnACluster_InstancesLoad_ARevocationReachesTheOthers_AndANewInstanceRejectsIt()
    {
        await using var cluster = await RedisCluster.StartAsync();
        await using var a = await FleetInstance.StartAsync(cluster.Configuration, _authing, _tokens);
        await using var b = await FleetInstance.StartAsync(cluster.Configuration, _authing, _tokens);
        var revoked = _tokens.Create(withJwtId: true);
        var valid = _tokens.Create(withJwtId: true);

        Assert.True(await a.RevokeAsync(revoked));
        var onB = await b.EventuallyAsync(revoked, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await a.PublishedAsync());
        await using var late = await FleetInstance.StartAsync(cluster.Configuration, _authing, _tokens);

        Assert.Equal(HttpStatusCode.Unauthorized, onB);
        Assert.Equal(HttpStatusCode.Unauthorized, await late.GetMeAsync(revoked));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (await b.GetMeAsync(valid), await late.GetMeAsync(valid)));
        Assert.Equal(HealthStatus.Healthy, await late.HealthAsync());
    }

    [RedisFact]
    public async Task OnACluster_EveryKeyOfTheRegistryIsOnTheNodeOfItsSlot()
    {
        await using var cluster = await RedisCluster.StartAsync();
        await using var a = await FleetInstance.StartAsync(cluster.Configuration, _authing, _tokens);
        Assert.True(await a.RevokeAsync(_tokens.Create(withJwtId: true)));
        Assert.Equal(0, await a.PublishedAsync());

        var owner = await cluster.NodeForAsync("{fleet-tests}");
        var keysPerNode = new List<string>();
        foreach (var node in cluster.Nodes)
        {
            keysPerNode.Add((await node.CliAsync("--scan")).Trim());
        }

        var ownerKeys = keysPerNode[cluster.Nodes.ToList().IndexOf(owner)].Split('\n').Order().ToArray();
        Assert.Equal(["{fleet-tests}:epoch", "{fleet-tests}:live", "{fleet-tests}:log"], ownerKeys);
        Assert.Equal(2, keysPerNode.Count(keys => keys.Length == 0));
    }

    public void Dispose()
    {
        _authing.Dispose();
        _tokens.Dispose();
    }
}
