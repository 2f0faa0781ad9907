using Microsoft.Extensions.Logging;

namespace AuthingClient.Redis;

/// <summary>The replica's log events. None carries a token: only counts, durations and Redis's own error.</summary>
internal static partial class ReplicaLog
{
    [LoggerMessage(EventId = 101, EventName = "ReplicaLoaded", Level = LogLevel.Information,
        Message = "Revoked-token replica loaded {Count} live revocations from Redis")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(EventId = 102, EventName = "ReplicaDisconnected", Level = LogLevel.Warning,
        Message = "Revoked-token replica cannot reach Redis; known revocations stay enforced, new ones are queued")]
    public static partial void Disconnected(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 103, EventName = "ReplicaReconnected", Level = LogLevel.Information,
        Message = "Revoked-token replica reached Redis again after {Lag}")]
    public static partial void Reconnected(ILogger logger, TimeSpan lag);

    [LoggerMessage(EventId = 104, EventName = "RedisDataLost", Level = LogLevel.Warning,
        Message = "Redis is behind what this replica had read (a failover lost acknowledged writes, or Redis restarted without its data); publishing again the {Count} revocations it holds that Redis lacks")]
    public static partial void DataLost(ILogger logger, int count);

    [LoggerMessage(EventId = 105, EventName = "OutboxPublishFailed", Level = LogLevel.Warning,
        Message = "{Count} revocations could not be published to Redis yet; they are enforced here and will be published when Redis is back")]
    public static partial void PublishFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 106, EventName = "OutboxAbandoned", Level = LogLevel.Error,
        Message = "{Count} revocations were never published to Redis before shutdown: other instances will not enforce them")]
    public static partial void Abandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 108, EventName = "ReplicaSyncFailed", Level = LogLevel.Error,
        Message = "The revoked-token replica failed to read Redis for an unexpected reason; it tries again")]
    public static partial void Unexpected(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 109, EventName = "RedisPrimarySwitched", Level = LogLevel.Information,
        Message = "The Sentinels named a new primary for {Service}; the replica now reads and publishes there")]
    public static partial void PrimarySwitched(ILogger logger, string service);

    [LoggerMessage(EventId = 110, EventName = "OutboxFileUnusable", Level = LogLevel.Error,
        Message = "The outbox folder (OutboxPath) cannot be written; revocations not yet in Redis are kept in memory only and are lost if this process dies")]
    public static partial void OutboxFileUnusable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 111, EventName = "OutboxFileUnreadable", Level = LogLevel.Error,
        Message = "The outbox file {Path} left by an earlier process cannot be read; it is left in place")]
    public static partial void OutboxFileUnreadable(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 112, EventName = "OutboxLinesDamaged", Level = LogLevel.Warning,
        Message = "{Count} lines of the outbox file {Path} were torn or damaged (a crash mid-write) and are skipped; every other revocation in it is published")]
    public static partial void OutboxLinesDamaged(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 113, EventName = "OutboxWriteFailed", Level = LogLevel.Error,
        Message = "Writing the outbox file failed; the revocations are enforced here and published from memory, but are lost if this process dies before Redis confirms them")]
    public static partial void OutboxWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 114, EventName = "OutboxKept", Level = LogLevel.Warning,
        Message = "{Count} revocations not yet confirmed by Redis are kept in {Path}; the next process started with this OutboxPath publishes them")]
    public static partial void OutboxKept(ILogger logger, long count, string path);

    [LoggerMessage(EventId = 115, EventName = "OutboxTakenOver", Level = LogLevel.Information,
        Message = "Took over {Count} revocations an earlier process left unconfirmed in the outbox folder; publishing them")]
    public static partial void OutboxTakenOver(ILogger logger, int count);
}
