using StackExchange.Redis;
using Xunit;

namespace AuthingClient.TestSupport;

/// <summary>
/// A real Redis server for the tests of one collection: a <see cref="RedisProcess"/> on a free
/// 127.0.0.1 port when redis-server is on PATH (killed at the end), otherwise the server named by
/// <c>AUTHING_TEST_REDIS</c> (host:port, e.g. one CI started). With neither, starting fails with a
/// message saying what to install; <see cref="RedisFactAttribute"/> turns that into a skip outside CI.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "AUTHING_TEST_REDIS";

    private RedisProcess? _process;
    private ConnectionMultiplexer? _connection;

    /// <summary>The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:41234</c>.</summary>
    public string Configuration { get; private set; } = string.Empty;

    public ConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("Redis is not started.");

    /// <summary>Why no Redis server can be had here, or <see langword="null"/> when one can.</summary>
    public static string? Unavailable =>
        RedisProcess.Executable is null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable))
            ? $"{RedisProcess.Missing} Or set {EnvironmentVariable}=host:port to a running one."
            : null;

    public async Task InitializeAsync()
    {
        if (Unavailable is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        if (RedisProcess.Executable is not null)
        {
            _process = await RedisProcess.StartAsync();
            Configuration = _process.Configuration;
            _connection = await _process.ConnectAsync();
        }
        else
        {
            Configuration = Environment.GetEnvironmentVariable(EnvironmentVariable)!.Trim();
            _connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        }
    }

    /// <summary>Every key in the database with its content, for leak checks.</summary>
    public Task<IReadOnlyList<(string Key, string Content)>> DumpAsync() => RedisDump.AllAsync(Connection);

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}

/// <summary>
/// A test that needs a real Redis server. Skipped with the reason when none can be had, except in
/// CI (<c>CI=true</c>), where it runs and fails with that reason instead: CI must not go green
/// without having tested against Redis.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!inCi && RedisServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
