using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AuthingClient.AotSmoke;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers <c>POST /oidc/token/revocation</c> with 200
/// when the form body carries a token and the client credentials, 400 otherwise. A raw socket, not
/// Kestrel or HttpListener, so the AOT binary contains the library and nothing else of note.
/// </summary>
internal sealed class LoopbackRevocationEndpoint : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _bodies = new();

    private LoopbackRevocationEndpoint(TcpListener listener)
    {
        _listener = listener;
        BaseAddress = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        _ = AcceptAsync();
    }

    public string BaseAddress { get; }

    public static LoopbackRevocationEndpoint Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new LoopbackRevocationEndpoint(listener);
    }

    /// <summary>Whether a revocation request whose form body contains <paramref name="field"/> was answered 200.</summary>
    public bool Received(string field) =>
        _bodies.Any(body => body.Split('&').Contains(field, StringComparer.Ordinal));

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var connection = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                _ = ServeAsync(connection);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    // Keep-alive: the client's connection pool reuses a connection for the next request.
    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            var stream = connection.GetStream();
            using var reader = new HttpRequestReader(stream);
            try
            {
                while (await reader.ReadAsync(_stop.Token).ConfigureAwait(false) is { } request)
                {
                    var accepted = request.Method == "POST"
                        && request.Path == "/oidc/token/revocation"
                        && request.ContentType == "application/x-www-form-urlencoded"
                        && request.Body.Split('&').Any(f => f.StartsWith("token=", StringComparison.Ordinal))
                        && request.Body.Split('&').Contains("client_secret=aot-smoke-secret", StringComparer.Ordinal);
                    if (accepted)
                    {
                        _bodies.Enqueue(request.Body);
                    }

                    var answer = accepted
                        ? "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                        : "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 27\r\n\r\n{\"error\":\"invalid_request\"}";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }
}
