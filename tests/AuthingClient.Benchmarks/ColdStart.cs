using System.Diagnostics;
using System.Globalization;
using AuthingClient.Benchmarks.Fixtures;
using AuthingClient.Benchmarks.Revokers;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace AuthingClient.Benchmarks;

/// <summary>
/// Suite 3, one run: <c>--cold-start a|c|d --url URL [--launched-at EPOCHREALTIME]</c> makes one
/// revocation against a loopback server (usually <c>--serve</c> in another process) in this fresh
/// process and prints how long it took to get there, on one line:
/// <c>variant=d revoked=true since_launch_ms=… since_process_start_ms=… in_main_ms=… cpu_ms=…</c>.
/// <list type="bullet">
/// <item><c>since_launch_ms</c>: from the driver's clock reading just before it started this process
/// (bash's <c>$EPOCHREALTIME</c>) to the completed revocation — runtime start-up included. The headline number.</item>
/// <item><c>since_process_start_ms</c>: from the kernel's start time of this process (10 ms resolution on Linux).</item>
/// <item><c>in_main_ms</c>: from the first line of Main: building the client, JIT and the first request only.</item>
/// <item><c>cpu_ms</c>: CPU time of the whole process so far, all threads (start-up, JIT, GC): unlike
/// the wall times, it hardly changes when other work competes for the cores.</item>
/// </list>
/// </summary>
internal static class ColdStart
{
    public static async Task<int> RunAsync(string[] args, long mainStarted)
    {
        var variant = Argument(args, "--cold-start");
        var url = Argument(args, "--url");
        var launchedAt = Argument(args, "--launched-at");
        if (variant is not ("a" or "c" or "d") || url is null)
        {
            await Console.Error.WriteLineAsync("usage: --cold-start a|c|d --url http://127.0.0.1:PORT [--launched-at $EPOCHREALTIME]").ConfigureAwait(false);
            return 2;
        }

        var server = new Uri(url, UriKind.Absolute);
        var revoked = variant switch
        {
            "a" => await HandWrittenAsync(server).ConfigureAwait(false),
            "c" => await RefitThroughContainerAsync(server).ConfigureAwait(false),
            _ => await AuthenticationClientAsync(server).ConfigureAwait(false),
        };

        var now = DateTimeOffset.UtcNow;
        var inMain = Stopwatch.GetElapsedTime(mainStarted);
        var cpu = Environment.CpuUsage.TotalTime;
        var sinceProcessStart = now - Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var sinceLaunch = launchedAt is null
            ? (TimeSpan?)null
            : now - DateTimeOffset.UnixEpoch.AddTicks((long)(decimal.Parse(launchedAt, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"variant={variant} revoked={(revoked ? "true" : "false")} since_launch_ms={sinceLaunch?.TotalMilliseconds:F1} since_process_start_ms={sinceProcessStart.TotalMilliseconds:F1} in_main_ms={inMain.TotalMilliseconds:F1} cpu_ms={cpu.TotalMilliseconds:F0}"));
        return revoked ? 0 : 1;
    }

    // (a): the hand-written POST, with the same primary handler settings as the library's.
    private static async Task<bool> HandWrittenAsync(Uri server)
    {
        var started = Stopwatch.GetTimestamp();
        var revoked = await HandWrittenCallAsync(server).ConfigureAwait(false);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"phases_ms first_call={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1}")).ConfigureAwait(false);
        return revoked;
    }

    private static async Task<bool> HandWrittenCallAsync(Uri server)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return await new HandWrittenRevoker(http, new Uri(server, RevocationFixture.RevocationPath)).RevokeAsync(RevocationFixture.OpaqueToken).ConfigureAwait(false);
    }

    // (d): as an application does it: register, build the container, resolve, revoke.
    private static async Task<bool> AuthenticationClientAsync(Uri server)
    {
        // Phases go to stderr (the script reads stdout), to see where (d)'s start-up goes.
        var started = Stopwatch.GetTimestamp();
        await using var provider = LibraryClient.CreateProvider(server);
        var built = Stopwatch.GetTimestamp();
        var client = provider.GetRequiredService<AuthenticationClient>();
        var resolved = Stopwatch.GetTimestamp();
        var revoked = await client.RevokeTokenAsync(RevocationFixture.OpaqueToken).ConfigureAwait(false);
        var done = Stopwatch.GetTimestamp();
        await Console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"phases_ms build={Stopwatch.GetElapsedTime(started, built).TotalMilliseconds:F1} resolve={Stopwatch.GetElapsedTime(built, resolved).TotalMilliseconds:F1} first_call={Stopwatch.GetElapsedTime(resolved, done).TotalMilliseconds:F1}")).ConfigureAwait(false);
        return revoked;
    }

    /// <summary>
    /// (c) for cold start: what the library necessarily sits on — the generated Refit contract
    /// registered with Refit.HttpClientFactory in a container with the library's Refit settings,
    /// resolved, called once. No options, validation, retries, time-outs or telemetry.
    /// </summary>
    private static async Task<bool> RefitThroughContainerAsync(Uri server)
    {
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<AuthingClient.Contract.IAuthingRevocationApi>(AuthingClient.Transport.AuthingHttp.CreateRefitSettings())
            .ConfigureHttpClient(http => http.BaseAddress = server)
            .ConfigurePrimaryHttpMessageHandler(AuthingClient.Transport.AuthingHttp.CreatePrimaryHandler)
            .RemoveAllLoggers();
        await using var provider = services.BuildServiceProvider();
        return await new RefitContractRevoker(provider.GetRequiredService<AuthingClient.Contract.IAuthingRevocationApi>()).RevokeAsync(RevocationFixture.OpaqueToken).ConfigureAwait(false);
    }

    private static string? Argument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
