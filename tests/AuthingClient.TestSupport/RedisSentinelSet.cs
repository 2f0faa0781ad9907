using System.Globalization;

namespace AuthingClient.TestSupport;

/// <summary>
/// A real primary, one replica and one Sentinel watching them (three <c>redis-server</c> processes on
/// free 127.0.0.1 ports; the sentinel is <c>redis-server FILE --sentinel</c> with its own writable
/// file). A test can fail over cleanly, or so that the new primary lacks writes the old one
/// acknowledged. Each process is killed by its own process ID on dispose.
/// </summary>
public sealed class RedisSentinelSet : IAsyncDisposable
{
    /// <summary>The name the sentinel knows the primary by.</summary>
    public const string ServiceName = "authing-primary";

    private const int ReadyAttempts = 800;

    private readonly List<RedisProcess> _processes = [];

    private RedisSentinelSet()
    {
    }

    /// <summary>The server that is primary now (after a failover, the former replica).</summary>
    public RedisProcess Primary { get; private set; } = null!;

    /// <summary>The server that is replica now.</summary>
    public RedisProcess Replica { get; private set; } = null!;

    public RedisProcess Sentinel { get; private set; } = null!;

    /// <summary>The StackExchange.Redis configuration string: the sentinel and the service name.</summary>
    public string Configuration => $"{Sentinel.Configuration},serviceName={ServiceName}";

    public static async Task<RedisSentinelSet> StartAsync()
    {
        var set = new RedisSentinelSet();
        try
        {
            set.Primary = await set.AddAsync(RedisProcess.StartWithAsync());
            set.Replica = await set.AddAsync(RedisProcess.StartWithAsync("--replicaof", "127.0.0.1", Port(set.Primary)));
            await Until(async () => (await set.Replica.CliAsync("info", "replication")).Contains("master_link_status:up", StringComparison.Ordinal), "the replica to sync");
            set.Sentinel = await set.AddAsync(RedisProcess.StartSentinelAsync(string.Join('\n',
                $"sentinel monitor {ServiceName} 127.0.0.1 {Port(set.Primary)} 1",
                $"sentinel down-after-milliseconds {ServiceName} 1000",
                $"sentinel failover-timeout {ServiceName} 3000",
                $"sentinel parallel-syncs {ServiceName} 1")));
            await Until(async () => (await set.Sentinel.CliAsync("sentinel", "replicas", ServiceName)).Contains(Port(set.Replica), StringComparison.Ordinal), "the sentinel to find the replica");
            return set;
        }
        catch
        {
            await set.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A clean failover (<c>SENTINEL FAILOVER</c>): the replica, in sync, becomes primary; returns once
    /// the sentinel names it and it answers as primary.
    /// </summary>
    public async Task FailOverAsync()
    {
        // The sentinel refuses SENTINEL FAILOVER while it still judges the replica unfit (a loaded
        // host answers its pings late), and an attempt it starts can time out: ask again until it
        // names the replica, never while a failover is under way.
        var promoted = Replica;
        await Until(
            async () =>
            {
                if ((await Sentinel.CliAsync("sentinel", "get-master-addr-by-name", ServiceName)).Contains(Port(promoted), StringComparison.Ordinal))
                {
                    return true;
                }

                if (!(await Sentinel.CliAsync("sentinel", "master", ServiceName)).Contains("failover_in_progress", StringComparison.Ordinal))
                {
                    await Sentinel.CliAsync("sentinel", "failover", ServiceName);
                }

                return false;
            },
            "the sentinel to start the failover and name the replica primary");
        await WaitForPromotionAsync();
    }

    /// <summary>
    /// A failover that loses acknowledged writes, as asynchronous replication allows: the replica is
    /// cut off (frozen, its link closed by the primary), <paramref name="writes"/> run against the
    /// primary (which acknowledges them), the primary dies (SIGKILL), and the sentinel promotes the
    /// replica, which never received them. The old primary stays down.
    /// </summary>
    public async Task FailOverLosingAsync(Func<Task> writes)
    {
        Replica.Freeze();
        try
        {
            await Primary.CliAsync("client", "kill", "type", "replica");
            await writes();
            await Primary.KillAsync();
        }
        finally
        {
            Replica.Thaw();
        }

        await WaitForPromotionAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>Waits until the failover has run to its end (with the old primary dead, its time-out): the sentinel announces the switch again then.</summary>
    public Task WaitForFailoverEndAsync() =>
        Until(async () => !(await Sentinel.CliAsync("sentinel", "master", ServiceName)).Contains("failover_in_progress", StringComparison.Ordinal), "the failover to end");

    private async Task WaitForPromotionAsync()
    {
        var promoted = Replica;
        await Until(async () => (await Sentinel.CliAsync("sentinel", "get-master-addr-by-name", ServiceName)).Contains(Port(promoted), StringComparison.Ordinal), "the sentinel to name the replica primary");
        await Until(async () => (await promoted.CliAsync("info", "replication")).Contains("role:master", StringComparison.Ordinal), "the replica to become primary");
        (Primary, Replica) = (promoted, Primary);
    }

    private async Task<RedisProcess> AddAsync(Task<RedisProcess> starting)
    {
        var process = await starting;
        _processes.Add(process);
        return process;
    }

    private static string Port(RedisProcess process) => process.Port.ToString(CultureInfo.InvariantCulture);

    private static async Task Until(Func<Task<bool>> done, string what)
    {
        // Bounded: ReadyAttempts × 50 ms (and the commands), for sentinel work that takes a few seconds, longer on a loaded host.
        for (var attempt = 1; !await done(); attempt++)
        {
            if (attempt == ReadyAttempts)
            {
                throw new InvalidOperationException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
