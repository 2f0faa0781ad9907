using StackExchange.Redis;

namespace AuthingClient.TestSupport;

/// <summary>Every key of a Redis database with its whole content, whatever its type, for leak checks.</summary>
public static class RedisDump
{
    /// <summary>Every key of database 0 of every server of <paramref name="connection"/>, with its content as text.</summary>
    public static async Task<IReadOnlyList<(string Key, string Content)>> AllAsync(IConnectionMultiplexer connection)
    {
        var database = connection.GetDatabase();
        var entries = new List<(string, string)>();
        foreach (var server in connection.GetServers())
        {
            await foreach (var key in server.KeysAsync(database.Database, pattern: "*"))
            {
                var content = await database.KeyTypeAsync(key) switch
                {
                    RedisType.String => (string?)await database.StringGetAsync(key) ?? string.Empty,
                    RedisType.Hash => string.Join('\n', (await database.HashGetAllAsync(key)).Select(field => $"{field.Name}={field.Value}")),
                    RedisType.SortedSet => string.Join('\n', (await database.SortedSetRangeByRankWithScoresAsync(key)).Select(entry => $"{entry.Element}={entry.Score}")),
                    RedisType.Stream => string.Join('\n', (await database.StreamRangeAsync(key)).Select(entry => string.Join(',', entry.Values.Select(value => $"{value.Name}={value.Value}")))),
                    var other => $"(a {other})",
                };
                entries.Add(((string)key!, content));
            }
        }

        return entries;
    }
}
