using System.Net;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace AuthingClient.Tests.Support;

/// <summary>
/// A real WireMock.Net server on 127.0.0.1 (the OS picks the port), shared by the tests of one
/// class; each test calls <see cref="Reset"/> first, so mappings and recorded requests start empty.
/// Requests are recorded as they arrive, before they are answered (WireMock's own log gets a
/// request only once its answer is sent, so a client can see the answer before the log has it).
/// </summary>
public sealed class RevocationServerFixture : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<IRequestMessage> _arrived = [];
    private TaskCompletionSource _nextArrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RevocationServerFixture()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        AnswerUnmatched();
    }

    public WireMockServer Server { get; }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => Server.Urls[0];

    /// <summary>Every request that arrived since the last <see cref="Reset"/>, in order of arrival.</summary>
    public IReadOnlyList<IRequestMessage> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _arrived];
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests have arrived (a test whose answer is held back waits for its request this way).</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (_arrived.Count >= count)
                {
                    return;
                }

                next = _nextArrival.Task;
            }

            await next.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Forgets mappings and recorded requests.</summary>
    public void Reset()
    {
        Server.Reset();
        lock (_lock)
        {
            _arrived.Clear();
        }

        AnswerUnmatched();
    }

    /// <summary>Answers every request on every path with 200 and an empty body.</summary>
    public void AnswerOk() => Answer(HttpStatusCode.OK);

    /// <summary>Answers every request on every path with the given status, body and content type.</summary>
    public void Answer(HttpStatusCode status, string? body = null, string? contentType = null) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Respond(status, body, contentType, location: null));

    /// <summary>Answers requests on <paramref name="path"/> only.</summary>
    public void AnswerOn(string path, HttpStatusCode status, string? body = null, string? contentType = null, string? location = null) =>
        Server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(Respond(status, body, contentType, location));

    /// <summary>Answers every request by running <paramref name="callback"/>.</summary>
    public void AnswerWith(Func<IRequestMessage, Task<IResponseMessage>> callback) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(request =>
        {
            Arrived(request);
            return callback(request);
        }));

    /// <summary>The one request received since the last reset; fails when there were none or several.</summary>
    public RecordedRequest SingleRequest() => new(Assert.Single(Requests));

    public void Dispose() => Server.Dispose();

    /// <summary>An answer built when the request arrives, so the request is recorded before it is answered.</summary>
    private IResponseBuilder Respond(HttpStatusCode status, string? body, string? contentType, string? location)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase);
        if (contentType is not null)
        {
            headers["Content-Type"] = new WireMockList<string>(contentType);
        }

        if (location is not null)
        {
            headers["Location"] = new WireMockList<string>(location);
        }

        return Response.Create().WithCallback(request =>
        {
            Arrived(request);
            return new ResponseMessage
            {
                StatusCode = (int)status,
                Headers = headers,
                BodyData = body is null ? null : new BodyData { DetectedBodyType = BodyType.String, BodyAsString = body, Encoding = System.Text.Encoding.UTF8 },
            };
        });
    }

    /// <summary>A request no mapping answers gets WireMock's usual 404, and is recorded like any other.</summary>
    private void AnswerUnmatched() =>
        Server.Given(Request.Create().UsingAnyMethod()).AtPriority(int.MaxValue).RespondWith(Respond(HttpStatusCode.NotFound, body: null, contentType: null, location: null));

    private void Arrived(IRequestMessage request)
    {
        TaskCompletionSource arrival;
        lock (_lock)
        {
            _arrived.Add(request);
            (arrival, _nextArrival) = (_nextArrival, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        arrival.SetResult();
    }
}
