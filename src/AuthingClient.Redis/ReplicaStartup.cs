using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthingClient.Redis;

/// <summary>
/// Loads the replica before the application serves: <see cref="StartingAsync"/> runs before any
/// hosted service starts (Kestrel included), so an instance's first request already sees every
/// live revocation. If Redis cannot be reached within <see cref="RedisRevokedTokenRegistryOptions.LoadTimeout"/>,
/// the application starts anyway: the health check says Unhealthy and the check fails closed until the replica loads.
/// </summary>
internal sealed partial class ReplicaStartup : IHostedLifecycleService
{
    private readonly RedisRevokedTokenRegistry _registry;
    private readonly TimeSpan _loadTimeout;
    private readonly ILogger<ReplicaStartup> _logger;

    public ReplicaStartup(RedisRevokedTokenRegistry registry, IOptions<RedisRevokedTokenRegistryOptions> options, ILogger<ReplicaStartup> logger)
    {
        _registry = registry;
        _loadTimeout = options.Value.LoadTimeout;
        _logger = logger;
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!await _registry.WaitUntilLoadedAsync(_loadTimeout, cancellationToken).ConfigureAwait(false))
        {
            NotLoaded(_logger, _loadTimeout);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 107, EventName = "ReplicaNotLoadedAtStart", Level = LogLevel.Warning,
        Message = "The revoked-token replica did not load within {Timeout}; serving anyway, rejecting every token until it loads")]
    private static partial void NotLoaded(ILogger logger, TimeSpan timeout);
}
