using AuthingClient.Revocation;
using StackExchange.Redis;

namespace AuthingClient.Redis;

/// <summary>
/// The registry's data in Redis, and every command that touches it. Four keys in one hash slot:
/// <list type="bullet">
/// <item><c>{prefix}:live</c>, a sorted set of registry keys scored by when each entry ends: every
/// live revocation, trimmed as entries end. What a new instance loads.</item>
/// <item><c>{prefix}:log</c>, a stream of the same entries in the order they were marked, trimmed
/// to <see cref="RedisRevokedTokenRegistryOptions.LogRetention"/>: what a running instance reads
/// on from where it stopped. Pub/sub alone would lose what a disconnected instance missed.</item>
/// <item><c>{prefix}:revoked-at</c>, a hash of the user and session keys of the live set to their
/// revocation time (Unix seconds): tokens of that user or session issued at or before it are revoked.</item>
/// <item><c>{prefix}:epoch</c>, a random value set when the data is first written: if it changes,
/// Redis lost its data (restarted without persistence, flushed), and replicas re-publish what they hold.</item>
/// </list>
/// Each mark also publishes on <c>{prefix}:appended</c>, which wakes every replica at once. Only
/// registry keys (<see cref="RevocationKey"/>) and times are stored, never a token.
/// </summary>
internal sealed class RevocationLog
{
    /// <summary>Entries read per command, when loading or reading on.</summary>
    public const int PageSize = 1000;

    // Marks a batch atomically: drops entries that ended (and their revocation times), keeps the
    // later end and the later revocation time of an entry marked twice, appends every entry to the
    // log (trimming what is older than the retention), sets the epoch if the data is new, and wakes
    // the replicas. A token entry has no revocation time (empty): it revokes its token whenever issued.
    private const string AppendScript = """
        local ended = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1000)
        if #ended > 0 then
          redis.call('ZREM', KEYS[1], unpack(ended))
          redis.call('HDEL', KEYS[4], unpack(ended))
        end
        redis.call('SET', KEYS[3], ARGV[4], 'NX')
        local last = ''
        for i = 5, #ARGV, 3 do
          local key, ends, revokedAt = ARGV[i], ARGV[i + 1], ARGV[i + 2]
          local current = redis.call('ZSCORE', KEYS[1], key)
          if (not current) or (tonumber(current) < tonumber(ends)) then
            redis.call('ZADD', KEYS[1], ends, key)
          end
          if revokedAt == '' then
            last = redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[2], '*', 'k', key, 'e', ends)
          else
            local at = redis.call('HGET', KEYS[4], key)
            if (not at) or (tonumber(at) < tonumber(revokedAt)) then
              redis.call('HSET', KEYS[4], key, revokedAt)
            end
            last = redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[2], '*', 'k', key, 'e', ends, 'r', revokedAt)
          end
        end
        redis.call('PUBLISH', ARGV[3], last)
        return last
        """;

    private static readonly TimeSpan TrimmingSkew = TimeSpan.FromMinutes(1);

    private static readonly RedisValue KeyField = "k";
    private static readonly RedisValue ExpiresField = "e";
    private static readonly RedisValue RevokedAtField = "r";

    private readonly RedisConnection _connection;
    private readonly RedisKey _live;
    private readonly RedisKey _log;
    private readonly RedisKey _epoch;
    private readonly RedisKey _revokedAt;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;

    private IConnectionMultiplexer? _subscribedOn;
    private Action<RedisChannel, RedisValue>? _onAppended;

    /// <summary>A log on <paramref name="connection"/>, which the caller owns (the CLI's).</summary>
    public RevocationLog(IConnectionMultiplexer connection, string keyPrefix, TimeSpan retention, TimeProvider time)
        : this(RedisConnection.Shared(connection, restored: static () => { }), keyPrefix, retention, time)
    {
    }

    public RevocationLog(RedisConnection connection, string keyPrefix, TimeSpan retention, TimeProvider time)
    {
        _connection = connection;
        var slot = "{" + keyPrefix + "}";
        _live = slot + ":live";
        _log = slot + ":log";
        _epoch = slot + ":epoch";
        _revokedAt = slot + ":revoked-at";
        Appended = RedisChannel.Literal(slot + ":appended");
        _retention = retention;
        _time = time;
    }

    /// <summary>The channel every mark is announced on.</summary>
    public RedisChannel Appended { get; }

    /// <summary>Marks <paramref name="entries"/> in one atomic step.</summary>
    /// <returns>The log position of the last entry appended (<see cref="LogPosition.Start"/> when there was none).</returns>
    public async Task<LogPosition> AppendAsync(IReadOnlyList<RevocationEntry> entries)
    {
        if (entries.Count == 0)
        {
            return LogPosition.Start;
        }

        var now = _time.GetUtcNow();
        var values = new RedisValue[4 + (3 * entries.Count)];
        values[0] = now.ToUnixTimeMilliseconds();
        values[1] = (now - _retention).ToUnixTimeMilliseconds();
        values[2] = Appended.ToString();
        values[3] = NewEpoch();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            values[4 + (3 * i)] = entry.Key.ToString();
            values[5 + (3 * i)] = entry.ExpiresAtUnixMs;
            values[6 + (3 * i)] = entry.RevokedAtUnixSeconds == RevocationEntry.AnyIssueTime ? RedisValue.EmptyString : entry.RevokedAtUnixSeconds;
        }

        var last = await Database.ScriptEvaluateAsync(AppendScript, [_live, _log, _epoch, _revokedAt], values).ConfigureAwait(false);
        return LogPosition.Parse((string)last!);
    }

    /// <summary>
    /// Whether the log lost the entry at <paramref name="position"/>: it is gone, and the retention
    /// cannot have trimmed it (it is younger than <see cref="RedisRevokedTokenRegistryOptions.LogRetention"/>
    /// less a minute for clocks that disagree). Only Redis losing data removes such an entry.
    /// </summary>
    public async Task<bool> LostAsync(LogPosition position)
    {
        var at = await Database.StreamRangeAsync(_log, position.ToString(), position.ToString(), count: 1).ConfigureAwait(false);
        var trimmable = (_time.GetUtcNow() - _retention + TrimmingSkew).ToUnixTimeMilliseconds();
        return at.Length == 0 && position.Milliseconds > trimmable;
    }

    /// <summary>The entry held for one key, ended or not; <see langword="null"/> when there is none.</summary>
    public async Task<RevocationEntry?> FindAsync(RevocationKey key)
    {
        var member = key.ToString();
        var ends = Database.SortedSetScoreAsync(_live, member);
        var revokedAt = key.Kind == RevocationKind.Token ? null : Database.HashGetAsync(_revokedAt, member);
        if (await ends.ConfigureAwait(false) is not { } end)
        {
            return null;
        }

        if (revokedAt is null)
        {
            return new RevocationEntry(key, RevocationEntry.AnyIssueTime, (long)end);
        }

        // A user or session entry without its time cannot be told apart from one revoking every issue time: fail-closed.
        return new RevocationEntry(key, (await revokedAt.ConfigureAwait(false)).TryParse(out long at) ? at : RevocationEntry.AnyIssueTime, (long)end);
    }

    // Read on every command: after a Sentinel failover it is a connection to the new primary.
    private IDatabase Database => _connection.Current.GetDatabase();

    /// <summary>
    /// Calls <paramref name="onAppended"/> whenever a mark is announced. Cheap to call again: it
    /// subscribes only on a connection it has not subscribed on yet (a failover's new primary);
    /// StackExchange.Redis subscribes again by itself after a reconnect.
    /// </summary>
    public async Task SubscribeAsync(Action onAppended)
    {
        var current = _connection.Current;
        if (ReferenceEquals(current, _subscribedOn))
        {
            return;
        }

        _onAppended ??= (_, _) => onAppended();
        await current.GetSubscriber().SubscribeAsync(Appended, _onAppended).ConfigureAwait(false);
        _subscribedOn = current;
    }

    /// <summary>Stops the announcements (on a connection the application shares, which outlives the registry).</summary>
    public async Task UnsubscribeAsync()
    {
        if (_subscribedOn is { } subscribed && _onAppended is { } handler)
        {
            await subscribed.GetSubscriber().UnsubscribeAsync(Appended, handler).ConfigureAwait(false);
        }
    }

    /// <summary>The epoch of the data in Redis, setting a new one when there is none yet.</summary>
    public async Task<string> EpochAsync()
    {
        await Database.StringSetAsync(_epoch, NewEpoch(), when: When.NotExists).ConfigureAwait(false);
        return (string?)await Database.StringGetAsync(_epoch).ConfigureAwait(false) ?? string.Empty;
    }

    /// <summary>The epoch of the data in Redis, or <see langword="null"/> when there is none (the data is gone).</summary>
    public async Task<string?> CurrentEpochAsync() => await Database.StringGetAsync(_epoch).ConfigureAwait(false);

    /// <summary>The last entry of the log, or <see cref="LogPosition.Start"/> when it is empty.</summary>
    public async Task<LogPosition> LastPositionAsync()
    {
        var last = await Database.StreamRangeAsync(_log, "-", "+", count: 1, messageOrder: Order.Descending).ConfigureAwait(false);
        return last.Length == 0 ? LogPosition.Start : LogPosition.Parse(last[0].Id!);
    }

    /// <summary>The first entry still in the log, or <see langword="null"/> when it is empty.</summary>
    public async Task<LogPosition?> FirstPositionAsync()
    {
        var first = await Database.StreamRangeAsync(_log, "-", "+", count: 1).ConfigureAwait(false);
        return first.Length == 0 ? null : LogPosition.Parse(first[0].Id!);
    }

    /// <summary>Every entry of the live set (ended ones included: the caller filters), page by page.</summary>
    public async IAsyncEnumerable<RevocationEntry> LiveAsync()
    {
        // User and session entries wait for their revocation times, asked a page at a time.
        var subjects = new List<(RevocationKey Key, long End)>(PageSize);
        await foreach (var member in Database.SortedSetScanAsync(_live, pageSize: PageSize).ConfigureAwait(false))
        {
            if (!RevocationKey.TryParse((string?)member.Element, out var key))
            {
                continue;
            }

            if (key.Kind == RevocationKind.Token)
            {
                yield return new RevocationEntry(key, RevocationEntry.AnyIssueTime, (long)member.Score);
                continue;
            }

            subjects.Add((key, (long)member.Score));
            if (subjects.Count == PageSize)
            {
                foreach (var entry in await WithRevocationTimesAsync(subjects).ConfigureAwait(false))
                {
                    yield return entry;
                }

                subjects.Clear();
            }
        }

        foreach (var entry in await WithRevocationTimesAsync(subjects).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <summary>
    /// Up to <see cref="PageSize"/> log entries after <paramref name="after"/>, the position of the
    /// last one read, and whether there may be more.
    /// </summary>
    public async Task<(List<RevocationEntry> Entries, LogPosition Last, bool More)> ReadAfterAsync(LogPosition after)
    {
        var read = await Database.StreamRangeAsync(_log, after.Next.ToString(), "+", count: PageSize).ConfigureAwait(false);
        var entries = new List<RevocationEntry>(read.Length);
        var last = after;
        foreach (var entry in read)
        {
            last = LogPosition.Parse(entry.Id!);
            if (RevocationKey.TryParse((string?)entry[KeyField], out var key) && entry[ExpiresField].TryParse(out long expiresAt))
            {
                var revokedAt = key.Kind == RevocationKind.Token ? RevocationEntry.AnyIssueTime
                    : entry[RevokedAtField].TryParse(out long at) ? at : RevocationEntry.AnyIssueTime;
                entries.Add(new RevocationEntry(key, revokedAt, expiresAt));
            }
        }

        return (entries, last, read.Length == PageSize);
    }

    /// <summary>The live set's user and session entries with their revocation times (fail-closed when one is missing).</summary>
    private async Task<IEnumerable<RevocationEntry>> WithRevocationTimesAsync(List<(RevocationKey Key, long End)> subjects)
    {
        if (subjects.Count == 0)
        {
            return [];
        }

        var fields = subjects.Select(subject => (RedisValue)subject.Key.ToString()).ToArray();
        var times = await Database.HashGetAsync(_revokedAt, fields).ConfigureAwait(false);
        return subjects.Select((subject, i) =>
            new RevocationEntry(subject.Key, times[i].TryParse(out long at) ? at : RevocationEntry.AnyIssueTime, subject.End)).ToList();
    }

    private static string NewEpoch() => Guid.NewGuid().ToString("N");
}
