using System.Net;
using System.Net.Sockets;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>
/// A real TCP server on 127.0.0.1 that reads each request and hangs up without a byte of answer:
/// the "broken response" case no HTTP mock can produce.
/// </summary>
internal sealed class HangUpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public HangUpServer()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Connections whose request was read before hanging up.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                var buffer = new byte[4096];
                await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                Interlocked.Increment(ref _connections);
                socket.Close();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped by Dispose.
        }
    }
}
