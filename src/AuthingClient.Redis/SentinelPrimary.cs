using System.Net;
using System.Threading.Channels;
using AuthingClient.Resilience;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AuthingClient.Redis;

/// <summary>
/// Follows the primary that the Sentinels name for a service, with asynchronous calls only: asks
/// them which server is primary, connects to it as to a plain server, and asks again whenever a
/// Sentinel announces a failover (<c>+switch-master</c>), the connection fails, or a few seconds
/// pass without reaching the primary; a new primary gets a new connection, handed to the owner.
/// StackExchange.Redis's own Sentinel mode does the same with synchronous commands, parallel
/// queries and a blocking reconfiguration on thread-pool threads: on two cores that starves the
/// pool for seconds, and requests that never touch Redis wait behind it.
/// </summary>
internal sealed class SentinelPrimary : IAsyncDisposable
{
    private static readonly RedisChannel Switched = RedisChannel.Literal("+switch-master");
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SafetyCheck = TimeSpan.FromSeconds(10);

    private readonly ConnectionMultiplexer _sentinels;
    private readonly ConfigurationOptions _primaryOptions;
    private readonly string _service;
    private readonly Action<IConnectionMultiplexer> _switch;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    // Holds at most one ring: rings during a check fold into one more check.
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private IConnectionMultiplexer? _primary;
    private EndPoint? _primaryEndPoint;
    private Task _following = Task.CompletedTask;

    private SentinelPrimary(ConnectionMultiplexer sentinels, ConfigurationOptions options, Action<IConnectionMultiplexer> switchTo, TimeProvider time, ILogger logger)
    {
        _sentinels = sentinels;
        _service = options.ServiceName!;
        _primaryOptions = options.Clone();
        _primaryOptions.ServiceName = null;
        _switch = switchTo;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Connects to the Sentinels named in <paramref name="options"/>, and to the primary they name if
    /// they answer; then follows it, handing every new primary's connection to <paramref name="switchTo"/>.
    /// </summary>
    public static async Task<SentinelPrimary> StartAsync(ConfigurationOptions options, Action<IConnectionMultiplexer> switchTo, TimeProvider time, ILogger logger)
    {
        var sentinels = await ConnectionMultiplexer.SentinelConnectAsync(options.Clone()).ConfigureAwait(false);
        var primary = new SentinelPrimary(sentinels, options, switchTo, time, logger);
        try
        {
            await sentinels.GetSubscriber().SubscribeAsync(Switched, (_, _) => primary.Ring()).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailure.Is(ex))
        {
            // No Sentinel reached yet: StackExchange.Redis subscribes again when one is.
        }

        await primary.CheckAsync().ConfigureAwait(false);
        primary._following = primary.FollowAsync(primary._stop.Token);
        return primary;
    }

    /// <summary>Asks the Sentinels again soon (a failover was announced, or the connection failed).</summary>
    public void Ring() => _doorbell.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _following.ConfigureAwait(false);
        await _sentinels.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task FollowAsync(CancellationToken stop)
    {
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            var known = await CheckAsync().ConfigureAwait(false);
            TimeSpan wait;
            if (known && _primary is { IsConnected: true })
            {
                wait = SafetyCheck;
                retry = FirstRetry;
            }
            else
            {
                wait = retry;
                retry = Backoff.Doubled(retry, LongestRetry);
            }

            using var timeout = new CancellationTokenSource(wait, _time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
            try
            {
                await _doorbell.Reader.ReadAsync(either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The wait is over, or the registry is stopping.
            }
        }
    }

    /// <summary>Asks the Sentinels which server is primary and moves there if it changed.</summary>
    /// <returns>Whether a Sentinel answered.</returns>
    private async Task<bool> CheckAsync()
    {
        try
        {
            var named = await AskAsync().ConfigureAwait(false);
            if (named is null)
            {
                return false;
            }

            if (!named.Equals(_primaryEndPoint))
            {
                var options = _primaryOptions.Clone();
                options.EndPoints.Clear();
                options.EndPoints.Add(named);
                var next = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
                var first = _primaryEndPoint is null;
                (_primary, _primaryEndPoint) = (next, named);
                _switch(next);
                if (!first)
                {
                    ReplicaLog.PrimarySwitched(_logger, _service);
                }
            }

            return true;
        }
        catch (Exception ex) when (RedisFailure.Is(ex))
        {
            return false;
        }
    }

    private async Task<EndPoint?> AskAsync()
    {
        foreach (var endPoint in _sentinels.GetEndPoints())
        {
            try
            {
                if (await _sentinels.GetServer(endPoint).SentinelGetMasterAddressByNameAsync(_service).ConfigureAwait(false) is { } primary)
                {
                    return primary;
                }
            }
            catch (Exception ex) when (RedisFailure.Is(ex))
            {
                // This Sentinel cannot answer; the next may.
            }
        }

        return null;
    }
}
