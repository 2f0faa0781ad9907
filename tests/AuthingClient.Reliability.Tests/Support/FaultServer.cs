using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMockRequest = WireMock.RequestBuilders.Request;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>A real WireMock.Net server on 127.0.0.1 that answers the revocation path with a scripted sequence.</summary>
internal sealed class FaultServer : IDisposable
{
    public const string RevocationPath = "/oidc/token/revocation";

    private int _arrived;

    /// <param name="maxLoggedRequests">How many requests WireMock keeps in its log (load tests keep few).</param>
    public FaultServer(int? maxLoggedRequests = null) =>
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            MaxRequestLogCount = maxLoggedRequests,

            // Counted as they arrive, before WireMock answers: WireMock logs a request only after
            // answering it, so its log can lag behind a client that has already seen the answer.
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(async (context, next) =>
            {
                if (context.Request.Path == RevocationPath)
                {
                    Interlocked.Increment(ref _arrived);
                }

                await next(context);
            }),
        });

    public WireMockServer Server { get; }

    public string Url => Server.Urls[0];

    /// <summary>
    /// Revocation requests that arrived, counted before each was answered; call it once the client
    /// call has finished, so every request the client sent is counted (the client awaited each answer).
    /// </summary>
    public int ArrivedRevocationRequests => Volatile.Read(ref _arrived);

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
