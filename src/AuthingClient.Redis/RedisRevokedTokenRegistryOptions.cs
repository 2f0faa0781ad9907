namespace AuthingClient.Redis;

/// <summary>
/// The revoked-token registry shared by every instance of a service through Redis (configuration
/// section <c>Authing:RevokedTokens</c>). How long entries live is set by
/// <see cref="AuthingClient.Revocation.RevokedTokenRegistryOptions"/>, as for every registry.
/// </summary>
public sealed class RedisRevokedTokenRegistryOptions
{
    /// <summary>The configuration section these options are usually bound from.</summary>
    public const string SectionName = "Authing:RevokedTokens";

    /// <summary>
    /// The StackExchange.Redis configuration string, e.g. <c>redis:6379</c>,
    /// <c>redis:6379,password=...,ssl=true</c>, a cluster's nodes (<c>node1:6379,node2:6379</c>) or
    /// Sentinels and the service they watch (<c>sentinel1:26379,sentinel2:26379,serviceName=mymaster</c>).
    /// The registry opens its own connection from it, and disposes it. Required unless
    /// <see cref="UseRegisteredConnection"/> is set. Never logged.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Use the <c>IConnectionMultiplexer</c> the application registered (for example with .NET
    /// Aspire's <c>AddRedisClient</c>) instead of opening a connection from <see cref="Redis"/>:
    /// one connection per process, as StackExchange.Redis advises. The registry never disposes it.
    /// Default <see langword="false"/>.
    /// </summary>
    public bool UseRegisteredConnection { get; set; }

    /// <summary>
    /// With <see cref="UseRegisteredConnection"/>, the service key of a keyed registration (Aspire's
    /// <c>AddKeyedRedisClient(name)</c> registers under <c>name</c>); <see langword="null"/>, the
    /// default, uses the unkeyed one.
    /// </summary>
    public string? RegisteredConnectionKey { get; set; }

    /// <summary>
    /// The prefix of the Redis keys the registry uses, so several applications can share one
    /// server. Default <c>authing:revoked-tokens</c>; every key is in one hash slot (cluster-safe).
    /// </summary>
    public string KeyPrefix { get; set; } = "authing:revoked-tokens";

    /// <summary>
    /// How often the replica reads the revocation log when no notification arrives. Revocations
    /// normally arrive at once (a Redis pub/sub notification wakes every replica); polling is the
    /// safety net for a lost notification. Default 1 second; between 10 ms and 1 minute.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the replica may go without reaching Redis before the check fails closed (rejects
    /// every token it does not know to be valid). Until then, known revocations are enforced and
    /// other tokens are accepted: a Redis outage is not an authentication outage. Default 15 minutes;
    /// <see cref="Timeout.InfiniteTimeSpan"/> never fails closed.
    /// </summary>
    public TimeSpan FailClosedAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long an application's start waits for the replica to load every live revocation before
    /// it serves requests anyway (the check then rejects every token, and the health check reports
    /// Unhealthy, until it has loaded). Default 30 seconds.
    /// </summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far back the revocation log (a Redis Stream) reaches, so an instance that was
    /// disconnected resumes from where it stopped; one disconnected longer reloads the live set
    /// instead. The live set itself always holds every live revocation. Default 1 day.
    /// </summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A folder where revocations not yet confirmed by Redis are kept on disk (one file per process).
    /// When set, a mark is written and flushed there before the call that made it returns, and
    /// removed once Redis confirms it; a process started with the same folder publishes what an
    /// earlier one (crashed, killed, stopped during a Redis outage) left there. Use a folder that
    /// survives the process (a volume, not the container's own layer). Default <see langword="null"/>:
    /// unconfirmed marks live in memory and are lost with the process.
    /// </summary>
    public string? OutboxPath { get; set; }
}
