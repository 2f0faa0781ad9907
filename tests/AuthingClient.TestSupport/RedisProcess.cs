using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace AuthingClient.TestSupport;

/// <summary>
/// A real <c>redis-server</c> child process on a free 127.0.0.1 port that a test can kill
/// (<c>SIGKILL</c>), freeze (<c>SIGSTOP</c>), thaw and restart on the same port, with or without
/// its data (append-only file, fsync on every write). Stopped and its data removed on dispose.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private const int ReadyAttempts = 100;

    private readonly string _executable;
    private readonly string _directory;
    private readonly bool _persistent;
    private readonly IReadOnlyList<string> _more;
    private readonly string? _sentinelConfiguration;
    private readonly List<string> _output = [];
    private Process? _process;
    private bool _frozen;

    private RedisProcess(string executable, int port, bool persistent, IReadOnlyList<string>? more = null, string? sentinelConfiguration = null)
    {
        _executable = executable;
        Port = port;
        _persistent = persistent;
        _more = more ?? [];
        _sentinelConfiguration = sentinelConfiguration;
        _directory = Directory.CreateTempSubdirectory("authing-redis-").FullName;
    }

    /// <summary>The port the server listens on, the same across restarts.</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What to do when there is no redis-server.</summary>
    public const string Missing = "Redis tests need a real Redis server: install redis-server (apt-get install -y redis-server) so it is on PATH.";

    /// <summary>redis-server on PATH, or <see langword="null"/>.</summary>
    public static string? Executable =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts a server; <paramref name="persistent"/> keeps its data across a kill and restart.</summary>
    public static Task<RedisProcess> StartAsync(bool persistent = false) =>
        StartAsync(new RedisProcess(Executable ?? throw new InvalidOperationException(Missing), FreePort(), persistent));

    /// <summary>A port where no server listens yet, for a client that must start before Redis does.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a server on a port chosen beforehand (see <see cref="FreePort"/>).</summary>
    public static async Task<RedisProcess> StartOnAsync(int port)
    {
        var redis = new RedisProcess(Executable ?? throw new InvalidOperationException(Missing), port, persistent: false);
        await redis.LaunchAsync();
        return redis;
    }

    /// <summary>Starts a server with more <c>redis-server</c> arguments (a cluster node, a replica of another server).</summary>
    internal static Task<RedisProcess> StartWithAsync(params string[] more) =>
        StartAsync(new RedisProcess(Executable ?? throw new InvalidOperationException(Missing), FreePort(), persistent: false, more));

    /// <summary>
    /// Starts a sentinel (<c>redis-server FILE --sentinel</c>): <paramref name="configuration"/> is
    /// written, after its port, to a file in the process's own folder, which the sentinel rewrites as it learns.
    /// </summary>
    internal static Task<RedisProcess> StartSentinelAsync(string configuration) =>
        StartAsync(new RedisProcess(Executable ?? throw new InvalidOperationException(Missing), FreePort(), persistent: false, sentinelConfiguration: configuration));

    private static async Task<RedisProcess> StartAsync(RedisProcess redis)
    {
        try
        {
            await redis.LaunchAsync();
            return redis;
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <c>redis-cli</c> (from the package that brings <c>redis-server</c>) against this server and
    /// returns what it printed; fails with its output if it exits non-zero.
    /// </summary>
    public Task<string> CliAsync(params string[] arguments) => RedisCli.RunAsync(["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), .. arguments]);

    /// <summary>Kills the server with SIGKILL, as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        Signal(process, "KILL");
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
        _frozen = false;
    }

    /// <summary>Starts the server again on the same port (with its data when persistent).</summary>
    public Task RestartAsync() => LaunchAsync();

    /// <summary>SIGSTOP: the server keeps its connections open and answers nothing.</summary>
    public void Freeze()
    {
        Signal(_process!, "STOP");
        _frozen = true;
    }

    /// <summary>SIGCONT: the frozen server answers again.</summary>
    public void Thaw()
    {
        Signal(_process!, "CONT");
        _frozen = false;
    }

    /// <summary>Thaws and kills the server, and removes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is { } process && _frozen)
        {
            Thaw();
        }

        await KillAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>Connects to the running server (waiting until it accepts connections).</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            if (_process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"redis-server exited with code {exited.ExitCode}: {Output()}");
            }

            try
            {
                return await ConnectionMultiplexer.ConnectAsync($"{Configuration},connectTimeout=1000,connectRetry=0");
            }
            catch (RedisConnectionException) when (attempt < ReadyAttempts)
            {
                // Not listening yet: the next attempt is bounded by ReadyAttempts.
                await Task.Delay(50);
            }
        }
    }

    private async Task LaunchAsync()
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        // Ready when it answers PING (a sentinel or a cluster node not yet in a cluster included).
        await WaitUntilAnsweringAsync();
    }

    private string[] Arguments()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        if (_sentinelConfiguration is not null)
        {
            // A sentinel needs its configuration in a file it can rewrite (it records what it learns there).
            var file = Path.Combine(_directory, "sentinel.conf");
            if (!File.Exists(file))
            {
                File.WriteAllText(file, $"port {port}\nbind 127.0.0.1\ndir {_directory}\nloglevel warning\n{_sentinelConfiguration}\n");
            }

            return [file, "--sentinel"];
        }

        return
        [
            "--port", port, "--bind", "127.0.0.1", "--dir", _directory, "--save", string.Empty,
            "--appendonly", _persistent ? "yes" : "no", "--appendfsync", "always", "--loglevel", "warning", .. _more,
        ];
    }

    private async Task WaitUntilAnsweringAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            if (_process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"redis-server exited with code {exited.ExitCode}: {Output()}");
            }

            if (await AnswersPingAsync())
            {
                return;
            }

            if (attempt == ReadyAttempts)
            {
                throw new InvalidOperationException($"redis-server did not answer PING on port {Port}: {Output()}");
            }

            // Not listening yet: the next attempt is bounded by ReadyAttempts.
            await Task.Delay(50);
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var answer = new byte[7];
            var read = await stream.ReadAsync(answer, timeout.Token);
            return read >= 5 && answer.AsSpan(0, 5).SequenceEqual("+PONG"u8);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(10));
        }
    }

    /// <summary>Sends a signal with kill(1) and waits until it was sent.</summary>
    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
