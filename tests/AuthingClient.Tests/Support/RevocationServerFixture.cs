using System.Net;
using AuthingClient.TestSupport;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace AuthingClient.Tests.Support;

/// <summary>
/// A real WireMock.Net server on 127.0.0.1, shared by the tests of one class; each test calls
/// <see cref="Reset"/> first, so mappings and recorded requests start empty. Requests are recorded
/// as they arrive (<see cref="ObservedWireMock"/>).
/// </summary>
public sealed class RevocationServerFixture : IDisposable
{
    private readonly ObservedWireMock _wire = new();

    public WireMockServer Server => _wire.Server;

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => _wire.Url;

    /// <summary>Every request that arrived since the last <see cref="Reset"/>, in order of arrival.</summary>
    public IReadOnlyList<IRequestMessage> Requests => _wire.Requests;

    /// <summary>Waits until <paramref name="count"/> requests have arrived (a test whose answer is held back waits for its request this way).</summary>
    public Task WaitForRequestsAsync(int count) => _wire.WaitForRequestsAsync(count);

    /// <summary>Forgets mappings and recorded requests.</summary>
    public void Reset() => _wire.Reset();

    /// <summary>Answers every request on every path with 200 and an empty body.</summary>
    public void AnswerOk() => Answer(HttpStatusCode.OK);

    /// <summary>Answers every request on every path with the given status, body and content type.</summary>
    public void Answer(HttpStatusCode status, string? body = null, string? contentType = null) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(_wire.Respond(status, body, contentType));

    /// <summary>Answers requests on <paramref name="path"/> only.</summary>
    public void AnswerOn(string path, HttpStatusCode status, string? body = null, string? contentType = null, string? location = null) =>
        Server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(_wire.Respond(status, body, contentType, location));

    /// <summary>Answers every request by running <paramref name="callback"/>.</summary>
    public void AnswerWith(Func<IRequestMessage, Task<IResponseMessage>> callback) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(_wire.RespondWith(callback));

    /// <summary>The one request received since the last reset; fails when there were none or several.</summary>
    public RecordedRequest SingleRequest() => new(Assert.Single(Requests));

    public void Dispose() => _wire.Dispose();
}
