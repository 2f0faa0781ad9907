using System.Net;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AuthingClient.Tests.Support;

/// <summary>
/// A real WireMock.Net server on 127.0.0.1 (the OS picks the port), shared by the tests of one
/// class; each test calls <see cref="Reset"/> first, so mappings and the request log start empty.
/// </summary>
public sealed class RevocationServerFixture : IDisposable
{
    public RevocationServerFixture() =>
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public WireMockServer Server { get; }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => Server.Urls[0];

    /// <summary>Every request the server received since the last <see cref="Reset"/>, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests =>
        [.. Server.LogEntries.Select(entry => entry.RequestMessage).OrderBy(request => request.DateTime)];

    /// <summary>
    /// Waits until the server has logged <paramref name="count"/> requests. WireMock logs a request
    /// only once its answer is sent, so a test whose answer it held back calls this before it ends:
    /// otherwise the request could be logged after the next test's <see cref="Reset"/>.
    /// </summary>
    public async Task WaitForRequestsAsync(int count)
    {
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, System.Collections.Specialized.NotifyCollectionChangedEventArgs e)
        {
            if (Server.LogEntries.Count >= count)
            {
                logged.TrySetResult();
            }
        }

        Server.LogEntriesChanged += OnChanged;
        try
        {
            OnChanged(null, null!);
            await logged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Server.LogEntriesChanged -= OnChanged;
        }
    }

    /// <summary>Forgets mappings and recorded requests.</summary>
    public void Reset() => Server.Reset();

    /// <summary>Answers every request on every path with 200 and an empty body.</summary>
    public void AnswerOk() => Answer(HttpStatusCode.OK);

    /// <summary>Answers every request on every path with the given status, body and content type.</summary>
    public void Answer(HttpStatusCode status, string? body = null, string? contentType = null) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Respond(status, body, contentType));

    /// <summary>Answers requests on <paramref name="path"/> only.</summary>
    public void AnswerOn(string path, HttpStatusCode status, string? body = null, string? contentType = null, string? location = null)
    {
        var response = Respond(status, body, contentType);
        if (location is not null)
        {
            response = response.WithHeader("Location", location);
        }

        Server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(response);
    }

    /// <summary>Answers every request by running <paramref name="callback"/>.</summary>
    public void AnswerWith(Func<IRequestMessage, Task<IResponseMessage>> callback) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(callback));

    /// <summary>The one request received since the last reset; fails when there were none or several.</summary>
    public RecordedRequest SingleRequest() => new(Assert.Single(Requests));

    public void Dispose() => Server.Dispose();

    private static IResponseBuilder Respond(HttpStatusCode status, string? body, string? contentType)
    {
        var response = Response.Create().WithStatusCode(status);
        if (contentType is not null)
        {
            response = response.WithHeader("Content-Type", contentType);
        }

        return body is null ? response : response.WithBody(body);
    }
}
