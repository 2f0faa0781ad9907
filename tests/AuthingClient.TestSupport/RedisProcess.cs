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
    private readonly List<string> _output = [];
    private Process? _process;
    private bool _frozen;

    private RedisProcess(string executable, int port, bool persistent)
    {
        _executable = executable;
        Port = port;
        _persistent = persistent;
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
    public static async Task<RedisProcess> StartAsync(bool persistent = false)
    {
        var executable = Executable ?? throw new InvalidOperationException(Missing);
        var redis = new RedisProcess(executable, FreePort(), persistent);
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
        string[] arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory, "--save", string.Empty,
            "--appendonly", _persistent ? "yes" : "no", "--appendfsync", "always", "--loglevel", "warning",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        // Ready when it accepts a connection.
        await using var probe = await ConnectAsync();
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
