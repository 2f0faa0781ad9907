using System.Collections.Concurrent;
using AuthingClient.Testing.Revocation;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMockRequest = WireMock.RequestBuilders.Request;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>
/// A revocation endpoint on a real WireMock server that decodes each form body as a server would
/// (with the stand-in's strict form decoder: malformed or unencoded non-ASCII text is refused) and
/// records the token it received, before answering.
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
                var token = DecodeField(request.BodyAsBytes ?? [], "token");
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

    private static string DecodeField(byte[] body, string name) =>
        FormDecoding.TryDecodeFields(body, out var fields)
            ? fields.Where(field => field.Key == name).Select(field => field.Value).Single()
            : throw new InvalidOperationException("The form body is not valid application/x-www-form-urlencoded text.");
}
