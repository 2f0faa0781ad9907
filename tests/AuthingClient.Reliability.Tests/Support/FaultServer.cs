using System.Net;
using System.Net.Sockets;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMockRequest = WireMock.RequestBuilders.Request;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>A real WireMock.Net server on 127.0.0.1 that answers the revocation path with a scripted sequence.</summary>
internal sealed class FaultServer : IDisposable
{
    public const string RevocationPath = "/oidc/token/revocation";

    /// <param name="maxLoggedRequests">How many requests WireMock keeps in its log (load tests keep few).</param>
    public FaultServer(int? maxLoggedRequests = null) =>
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = maxLoggedRequests });

    public WireMockServer Server { get; }

    public string Url => Server.Urls[0];

    /// <summary>Requests that reached the revocation path, as logged so far.</summary>
    public int RevocationRequests => Server.LogEntries.Count(e => e.RequestMessage.Path == RevocationPath);

    /// <summary>
    /// The number of revocation requests once at least <paramref name="expected"/> are logged.
    /// WireMock logs a request just after answering it, so a client can see the answer before the
    /// log shows the request: wait for the log event instead of reading too early.
    /// </summary>
    public async Task<int> RevocationRequestsAsync(int expected)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs args)
        {
            if (RevocationRequests >= expected)
            {
                reached.TrySetResult();
            }
        }

        Server.LogEntriesChanged += Check;
        try
        {
            Check(null, EventArgs.Empty);
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Fewer requests than expected arrived: the caller's assertion reports the real count.
        }
        finally
        {
            Server.LogEntriesChanged -= Check;
        }

        return RevocationRequests;
    }

    /// <summary>
    /// Answers the revocation path with each step in turn; the last step answers every later request.
    /// </summary>
    public FaultServer Answer(params Func<IResponseBuilder, IResponseBuilder>[] steps)
    {
        if (steps.Length == 1)
        {
            Server.Given(WireMockRequest.Create().WithPath(RevocationPath).UsingPost()).RespondWith(steps[0](Response.Create()));
            return this;
        }

        for (var i = 0; i < steps.Length; i++)
        {
            var mapping = Server.Given(WireMockRequest.Create().WithPath(RevocationPath).UsingPost()).InScenario("sequence");
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"step{i}");
            }

            if (i < steps.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"step{i + 1}");
            }

            mapping.RespondWith(steps[i](Response.Create()));
        }

        return this;
    }

    /// <summary>A loopback address where nothing listens: connecting is refused.</summary>
    public static string ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    public void Dispose() => Server.Stop();
}
