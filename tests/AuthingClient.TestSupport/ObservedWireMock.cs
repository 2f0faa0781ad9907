using System.Net;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace AuthingClient.TestSupport;

/// <summary>
/// A WireMock.Net server on 127.0.0.1 (the OS picks the port) for contract tests, which records each
/// request as it arrives, before it is answered: WireMock's own log gets a request only once its
/// answer is sent, so a client can see the answer before the log has the request. Answer requests
/// with <see cref="Respond"/> or <see cref="RespondWith"/> so they are recorded; a request no mapping
/// answers gets WireMock's usual 404 and is recorded too.
/// </summary>
public sealed class ObservedWireMock : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<IRequestMessage> _arrived = [];
    private TaskCompletionSource _nextArrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ObservedWireMock()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        AnswerUnmatched();
    }

    public WireMockServer Server { get; }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => Server.Urls[0];

    /// <summary>Every request that arrived since the start or the last <see cref="Reset"/>, in order of arrival.</summary>
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

    /// <summary>An answer that records the request, then answers with this status, body and headers.</summary>
    public IResponseBuilder Respond(HttpStatusCode status, string? body = null, string? contentType = null, string? location = null)
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

    /// <summary>An answer that records the request, then runs <paramref name="callback"/>.</summary>
    public IResponseBuilder RespondWith(Func<IRequestMessage, Task<IResponseMessage>> callback) =>
        Response.Create().WithCallback(request =>
        {
            Arrived(request);
            return callback(request);
        });

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }

    private void AnswerUnmatched() =>
        Server.Given(Request.Create().UsingAnyMethod()).AtPriority(int.MaxValue).RespondWith(Respond(HttpStatusCode.NotFound));

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
