using System.Text;
using AuthingClient.Testing.Revocation;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace AuthingClient.Testing.Hosting;

/// <summary>
/// Serves a <see cref="RevocationEndpoint"/> over real HTTP with WireMock.Net: one catch-all
/// mapping hands every request to the endpoint's own code, so routing and the protocol rules live
/// in one place rather than in WireMock matchers.
/// </summary>
internal static class WireMockHost
{
    public static WireMockServer Start(RevocationEndpoint endpoint)
    {
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            // Loopback only, on a port the OS picks: nothing is reachable from other machines and
            // parallel test runs never collide.
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,

            // Requests carry tokens and client secrets: nothing is logged, and WireMock keeps no
            // copy of them in its request log.
            Logger = new WireMockNullLogger(),
            MaxRequestLogCount = 0,

            // The endpoint reads the raw body itself (FormBody), exactly as sent.
            DisableDeserializeFormUrlEncoded = true,
        });

        server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(message => ToResponseMessage(endpoint.Handle(ToEndpointRequest(message)))));

        return server;
    }

    private static EndpointRequest ToEndpointRequest(IRequestMessage message)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (message.Headers is not null)
        {
            foreach (var (name, values) in message.Headers)
            {
                headers[name] = values.ToArray();
            }
        }

        return new EndpointRequest(message.Method, message.Path, headers, message.BodyAsBytes ?? []);
    }

    private static ResponseMessage ToResponseMessage(EndpointResponse response)
    {
        var message = new ResponseMessage
        {
            StatusCode = (int)response.StatusCode,
            Headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase),
        };

        foreach (var (name, value) in response.Headers)
        {
            message.AddHeader(name, value);
        }

        if (response.JsonBody is { } json)
        {
            message.AddHeader("Content-Type", "application/json");
            message.BodyData = new BodyData
            {
                DetectedBodyType = BodyType.String,
                BodyAsString = json,
                Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            };
        }

        return message;
    }
}
