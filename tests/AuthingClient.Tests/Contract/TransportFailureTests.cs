using System.Net;
using System.Net.Sockets;
using AuthingClient.Tests.Support;

namespace AuthingClient.Tests.Contract;

/// <summary>When nothing answers, the failure is still the library's typed exception, not a raw HttpClient one.</summary>
public sealed class TransportFailureTests
{
    [Fact]
    public async Task RevokeTokenAsync_NothingListensOnAppHost_ThrowsTransportFailureWithoutStatus()
    {
        // Bound but not listening: connecting to it is refused at once, and no other process can take the port meanwhile.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        using var client = new AuthenticationClient(TestApp.Options($"http://127.0.0.1:{port}"));

        var exception = await Assert.ThrowsAsync<AuthingRevocationException>(() => client.RevokeTokenAsync(TestApp.Token));

        Assert.Equal((RevocationOutcome.TransportError, (HttpStatusCode?)null, false), (exception.Outcome, exception.StatusCode, exception.StatusCode is not null));
    }
}
