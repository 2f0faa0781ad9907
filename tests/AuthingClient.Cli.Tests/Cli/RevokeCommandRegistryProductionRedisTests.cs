using AuthingClient.Cli.Tests.Support;
using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using StackExchange.Redis;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>
/// --registry (issue 19) with the connection strings production Redis takes: a Redis Cluster's
/// nodes, and Sentinels with the service they watch. Every token lands in the live set every
/// instance loads.
/// </summary>
public class RevokeCommandRegistryProductionRedisTests
{
    private const string LiveSet = "{authing:revoked-tokens}:live";

    [Fact]
    public async Task Registry_ACluster_MarksEveryTokenOnTheNodeOfTheRegistrysSlot()
    {
        await using var cluster = await RedisCluster.StartAsync();
        string[] tokens = ["opaque-" + Guid.NewGuid().ToString("N"), "opaque-" + Guid.NewGuid().ToString("N")];

        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), ["revoke", "--stand-in", "--registry", cluster.Configuration, .. tokens]);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(cluster.Configuration);
        var live = (await connection.GetDatabase().SortedSetRangeByRankAsync(LiveSet)).Select(member => (string)member!).Order().ToArray();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true"], result.StdoutLines);
        Assert.Equal(tokens.Select(token => RevocationKey.Of(token).ToString()).Order().ToArray(), live);
    }

    [Fact]
    public async Task Registry_Sentinels_MarksEveryTokenOnThePrimaryTheyName()
    {
        await using var set = await RedisSentinelSet.StartAsync();
        string[] tokens = ["opaque-" + Guid.NewGuid().ToString("N"), "opaque-" + Guid.NewGuid().ToString("N")];

        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), ["revoke", "--stand-in", "--registry", set.Configuration, .. tokens]);

        var live = (await set.Primary.CliAsync("zrange", LiveSet, "0", "-1")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true"], result.StdoutLines);
        Assert.Equal(tokens.Select(token => RevocationKey.Of(token).ToString()).Order().ToArray(), live);
    }
}
