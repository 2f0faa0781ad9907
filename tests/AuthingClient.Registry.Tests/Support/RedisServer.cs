using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace AuthingClient.Registry.Tests.Support;

/// <summary>
/// A real Redis server for the tests of one collection: a <c>redis-server</c> child process on a
/// free 127.0.0.1 port when one is on PATH (killed at the end), otherwise the server named by
/// <c>AUTHING_TEST_REDIS</c> (host:port, e.g. one CI started). With neither, starting fails with a
/// message saying what to install; <see cref="RedisFactAttribute"/> turns that into a skip outside CI.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "AUTHING_TEST_REDIS";

    private const int StartAttempts = 3;
    private readonly List<string> _output = [];
    private Process? _process;
    private ConnectionMultiplexer? _connection;

    /// <summary>The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:41234</c>.</summary>
    public string Configuration { get; private set; } = string.Empty;

    public ConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("Redis is not started.");

    /// <summary>Why no Redis server can be had here, or <see langword="null"/> when one can.</summary>
    public static string? Unavailable =>
        ExecutablePath is null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable))
            ? $"Redis tests need a real Redis server: install redis-server (apt-get install -y redis-server) so it is on PATH, or set {EnvironmentVariable}=host:port to a running one."
            : null;

    private static string? ExecutablePath =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);

    public async Task InitializeAsync()
    {
        if (Unavailable is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        if (ExecutablePath is { } executable)
        {
            await StartChildAsync(executable);
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
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    /// <summary>Starts redis-server on a free port; another port is tried if the first was taken in between.</summary>
    private async Task StartChildAsync(string executable)
    {
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var port = FreePort();
            var process = Start(executable, port, _output);
            try
            {
                Configuration = $"127.0.0.1:{port}";
                _connection = await ConnectWhenReadyAsync(process);
                _process = process;
                return;
            }
            catch (RedisConnectionException) when (attempt < StartAttempts)
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }
    }

    private static Process Start(string executable, int port, List<string> output)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, line) => Collect(output, line.Data);
        process.ErrorDataReceived += (_, line) => Collect(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Connects once the server accepts connections: a bounded number of tries, failing fast if it exited.</summary>
    private async Task<ConnectionMultiplexer> ConnectWhenReadyAsync(Process process)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (process.HasExited)
            {
                string said;
                lock (_output)
                {
                    said = string.Join(Environment.NewLine, _output.TakeLast(10));
                }

                throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, $"redis-server exited with code {process.ExitCode}: {said}");
            }

            try
            {
                return await ConnectionMultiplexer.ConnectAsync($"{Configuration},connectTimeout=1000,connectRetry=0");
            }
            catch (RedisConnectionException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Collect(List<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }
}

/// <summary>The tests sharing one <see cref="RedisServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RedisTests : ICollectionFixture<RedisServer>
{
    public const string Name = "Redis";
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
