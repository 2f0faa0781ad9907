using System.Globalization;
using AuthingClient.Benchmarks.Fixtures;

namespace AuthingClient.Benchmarks;

/// <summary>
/// <c>--serve [--seconds N]</c>: runs <see cref="LoopbackRevocationServer"/> for the cold-start
/// driver, prints its address on the first line of stdout, and stops by itself after N seconds
/// (default 600) or on SIGTERM / Ctrl+C.
/// </summary>
internal static class LoopbackServe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--seconds");
        var seconds = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 600;

        await using var server = await LoopbackRevocationServer.StartAsync().ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(server.Stopping);
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        Console.WriteLine(server.BaseAddress.GetLeftPart(UriPartial.Authority));
        await Console.Out.FlushAsync(stop.Token).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Time is up or we were asked to stop.
        }

        return 0;
    }
}
