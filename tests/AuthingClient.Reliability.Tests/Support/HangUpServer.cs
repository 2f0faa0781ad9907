using System.Net;
using System.Net.Sockets;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>
/// A real TCP server on 127.0.0.1 that reads each request and hangs up without a byte of answer:
/// the "broken response" case no HTTP mock can produce. With <c>hangUps</c>, only the first that
/// many connections are hung up on; later ones get <c>thenStatus</c> with an empty body.
/// </summary>
internal sealed class HangUpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _hangUps;
    private readonly byte[] _thenAnswer;
    private int _connections;

    public HangUpServer(int hangUps = int.MaxValue, int thenStatus = 200)
    {
        _hangUps = hangUps;
        _thenAnswer = System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 {thenStatus} Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Connections whose request was read (hung up on or answered).</summary>
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
                if (Interlocked.Increment(ref _connections) > _hangUps)
                {
                    await socket.SendAsync(_thenAnswer, SocketFlags.None, _stop.Token);
                }

                socket.Close();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped by Dispose.
        }
    }
}
