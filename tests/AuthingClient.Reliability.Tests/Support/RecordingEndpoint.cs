using System.Collections.Concurrent;
using System.Net;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMockRequest = WireMock.RequestBuilders.Request;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>
/// A revocation endpoint on a real WireMock server that decodes each form body as a server would
/// (standard form decoding, UTF-8) and records the token it received, before answering.
/// </summary>
internal sealed class RecordingEndpoint
{
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);
    private int _requests;

    /// <param name="server">The server to answer on.</param>
    /// <param name="answer">The status for a token, given how many times it was seen before.</param>
    public RecordingEndpoint(WireMockServer server, Func<string, int, int>? answer = null)
    {
        answer ??= (_, _) => 200;
        server.Given(WireMockRequest.Create().WithPath(FaultServer.RevocationPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                Interlocked.Increment(ref _requests);
                var token = DecodeField(request.Body ?? string.Empty, "token");
                var seenBefore = _received.AddOrUpdate(token, 1, (_, n) => n + 1) - 1;
                LastToken = token;
                return new ResponseMessage { StatusCode = answer(token, seenBefore) };
            }));
    }

    /// <summary>The token of the latest request, as the server decoded it.</summary>
    public string? LastToken { get; private set; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>How many requests carried each token.</summary>
    public IReadOnlyDictionary<string, int> Received => _received;

    private static string DecodeField(string body, string name) =>
        body.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => WebUtility.UrlDecode(pair[0]) == name)
            .Select(pair => WebUtility.UrlDecode(pair.ElementAtOrDefault(1) ?? string.Empty))
            .Single();
}
