using System.Diagnostics;

namespace AuthingClient.TestSupport;

/// <summary><c>redis-cli</c>, which Debian's <c>redis-server</c> package brings along (through <c>redis-tools</c>), beside <c>redis-server</c> on PATH.</summary>
internal static class RedisCli
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static string Executable =>
        Path.Combine(Path.GetDirectoryName(RedisProcess.Executable ?? throw new InvalidOperationException(RedisProcess.Missing))!, "redis-cli");

    /// <summary>Runs redis-cli with <paramref name="arguments"/> and returns its standard output; fails with its output if it exits non-zero or hangs.</summary>
    public static async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new InvalidOperationException($"redis-cli {string.Join(' ', start.ArgumentList)} did not finish within {Patience}.");
        }

        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"redis-cli {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await output}{await error}");
    }
}
