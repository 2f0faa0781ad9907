using AuthingClient.Cli.Tests.Support;
using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using StackExchange.Redis;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>
/// --registry (issue 11): every token is marked in the fleet's replicated registry in a real
/// redis-server, with the keys every instance's replica reads, and a mark Redis does not confirm is
/// an error (exit 3), never a silent true.
/// </summary>
public class RevokeCommandRegistryTests
{
    private const string LiveSet = "{authing:revoked-tokens}:live";

    [Fact]
    public async Task Registry_Given_MarksEveryTokenInTheLiveSetAndLogUnderItsRegistryKey()
    {
        await using var redis = await RedisProcess.StartAsync();
        string[] tokens = ["opaque-" + Guid.NewGuid().ToString("N"), "opaque-" + Guid.NewGuid().ToString("N")];

        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), ["revoke", "--stand-in", "--registry", redis.Configuration, .. tokens]);

        await using var connection = await redis.ConnectAsync();
        var live = (await connection.GetDatabase().SortedSetRangeByRankAsync(LiveSet)).Select(member => (string)member!).Order().ToArray();
        var dump = await RedisDump.AllAsync(connection);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true"], result.StdoutLines);
        Assert.Equal(tokens.Select(token => RevocationKey.Of(token).ToString()).Order().ToArray(), live);
        Assert.Contains(dump, entry => entry.Key.EndsWith(":log", StringComparison.Ordinal) && entry.Content.Split('\n').Length == 2);
        Assert.DoesNotContain(dump, entry => tokens.Any(token => entry.Key.Contains(token, StringComparison.Ordinal) || entry.Content.Contains(token, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Registry_FromTheEnvironment_IsUsedLikeTheFlag()
    {
        await using var redis = await RedisProcess.StartAsync();
        var token = "opaque-" + Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string?> { ["AUTHING_REVOKED_TOKENS_REDIS"] = redis.Configuration };

        var result = await CliRun.RunAsync(environment, "revoke", "--stand-in", token);

        await using var connection = await redis.ConnectAsync();
        Assert.Equal(["true"], result.StdoutLines);
        Assert.Equal(1, await connection.GetDatabase().SortedSetLengthAsync(LiveSet));
    }

    [Fact]
    public async Task Registry_UnreachableAtTheStart_RevokesNothingAndExits3()
    {
        var closed = RedisProcess.FreePort();

        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "--stand-in", "--registry", $"127.0.0.1:{closed},connectTimeout=500,password=redis-secret-42", "token-one", "token-two");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("cannot reach the revoked-token registry in Redis (--registry)", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("redis-secret-42", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_LostDuringTheRun_TokensMarkedAfterwardsAreErrorsNeverTrue()
    {
        await using var redis = await RedisProcess.StartAsync();
        var run = await FedRun.StartAsync("token-marked\n", 1, "--stand-in", "--registry", $"{redis.Configuration},asyncTimeout=1000", "--concurrency", "1");

        await redis.KillAsync();
        run.Feed("token-after-redis-died\n");
        var result = await run.FinishAsync();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["true", "error"], result.StdoutLines);
        Assert.Contains("did not confirm the mark", result.Stderr, StringComparison.Ordinal);
    }
}
