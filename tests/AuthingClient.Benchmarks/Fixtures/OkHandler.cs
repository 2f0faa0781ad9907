using System.Net;

namespace AuthingClient.Benchmarks.Fixtures;

/// <summary>
/// An in-memory transport that answers every request with an empty 200, without a socket: what is
/// left to measure is the client-side cost of building, sending and interpreting one request.
/// </summary>
public sealed class OkHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
}
