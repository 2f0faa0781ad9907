using System.Globalization;

namespace AuthingClient.TestSupport;

/// <summary>
/// A real Redis Cluster of three masters and no replicas: three <c>redis-server --cluster-enabled yes</c>
/// processes on free 127.0.0.1 ports, joined by <c>redis-cli --cluster create</c>. Each node is
/// killed by its own process ID on dispose.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private const int Masters = 3;
    private const int ReadyAttempts = 200;

    private readonly List<RedisProcess> _nodes;

    private RedisCluster(List<RedisProcess> nodes) => _nodes = nodes;

    /// <summary>The nodes, in the order the cluster was created.</summary>
    public IReadOnlyList<RedisProcess> Nodes => _nodes;

    /// <summary>The StackExchange.Redis configuration string naming every node (it discovers the slots itself).</summary>
    public string Configuration => string.Join(',', _nodes.Select(node => node.Configuration));

    public static async Task<RedisCluster> StartAsync()
    {
        var nodes = new List<RedisProcess>();
        var cluster = new RedisCluster(nodes);
        try
        {
            for (var i = 0; i < Masters; i++)
            {
                nodes.Add(await RedisProcess.StartWithAsync("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000"));
            }

            await RedisCli.RunAsync(["--cluster", "create", .. nodes.Select(node => node.Configuration), "--cluster-replicas", "0", "--cluster-yes"]);
            await cluster.WaitUntilEveryNodeSaysOkAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The node that serves <paramref name="key"/>'s hash slot.</summary>
    public async Task<RedisProcess> NodeForAsync(string key)
    {
        var slot = int.Parse((await _nodes[0].CliAsync("cluster", "keyslot", key)).Trim(), CultureInfo.InvariantCulture);
        foreach (var node in _nodes)
        {
            var myself = (await node.CliAsync("cluster", "nodes")).Split('\n').Single(line => line.Contains("myself", StringComparison.Ordinal));
            foreach (var range in myself.Split(' ').Skip(8))
            {
                var bounds = range.Split('-');
                var (from, to) = (int.Parse(bounds[0], CultureInfo.InvariantCulture), int.Parse(bounds[^1], CultureInfo.InvariantCulture));
                if (slot >= from && slot <= to)
                {
                    return node;
                }
            }
        }

        throw new InvalidOperationException($"No node serves slot {slot}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private async Task WaitUntilEveryNodeSaysOkAsync()
    {
        // The nodes agree on the slots through their cluster bus, a moment after the create returns.
        for (var attempt = 1; ; attempt++)
        {
            var states = await Task.WhenAll(_nodes.Select(node => node.CliAsync("cluster", "info")));
            if (states.All(state => state.Contains("cluster_state:ok", StringComparison.Ordinal)))
            {
                return;
            }

            if (attempt == ReadyAttempts)
            {
                throw new InvalidOperationException($"The cluster did not reach cluster_state:ok: {string.Join(" | ", states)}");
            }

            await Task.Delay(50);
        }
    }
}
