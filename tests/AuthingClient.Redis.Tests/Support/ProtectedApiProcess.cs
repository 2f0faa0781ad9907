using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AuthingClient.TestSupport;

namespace AuthingClient.Redis.Tests.Support;

/// <summary>
/// samples/ProtectedApi as a process of its own (<c>dotnet ProtectedApi.dll</c>, built beside the
/// tests), so a test can kill it with SIGKILL as a crash, an OOM kill or a node loss would.
/// </summary>
internal sealed class ProtectedApiProcess : IAsyncDisposable
{
    private const int ReadyAttempts = 600;

    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly List<string> _output = [];

    private ProtectedApiProcess(Process process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}") };
    }

    public static async Task<ProtectedApiProcess> StartAsync(AuthingServer authing, string publicKeyFile, params string[] settings)
    {
        var port = RedisProcess.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "ProtectedApi.dll"),
            "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
            $"--Jwt:Issuer={TestTokens.Issuer}",
            $"--Jwt:Audience={TestTokens.Audience}",
            $"--Jwt:PublicKeyFile={publicKeyFile}",
            $"--Authing:AppHost={authing.Url}",
            $"--Authing:AppId={AuthingServer.AppId}",
            $"--Authing:AppSecret={AuthingServer.Secret}",
            "--Authing:RevokedTokens:KeyPrefix=fleet-tests",
            .. settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var api = new ProtectedApiProcess(process, port);
        process.OutputDataReceived += (_, line) => api.Collect(line.Data);
        process.ErrorDataReceived += (_, line) => api.Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await api.WaitUntilHealthyAsync();
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public async Task<HttpStatusCode> LogoutAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/logout");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>SIGKILL, as a crash: nothing of the process's own shutdown runs.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _http.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"ProtectedApi exited with code {_process.ExitCode}: {Output()}");
            }

            try
            {
                using var health = await _http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (attempt == ReadyAttempts)
            {
                throw new InvalidOperationException($"ProtectedApi did not become healthy: {Output()}");
            }

            // Bounded by ReadyAttempts: the process takes a second or two to start.
            await Task.Delay(50);
        }
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(20));
        }
    }
}
