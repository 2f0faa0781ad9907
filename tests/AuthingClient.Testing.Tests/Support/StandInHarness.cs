using AuthingClient.Testing;

namespace AuthingClient.Testing.Tests.Support;

/// <summary>A started stand-in with an HTTP client pointed at it; one per test.</summary>
internal sealed class StandInHarness : IDisposable
{
    public const string AppId = "harness-app";
    public const string AppSecret = "harness-secret-5b2e";

    private StandInHarness(AuthingStandIn standIn)
    {
        StandIn = standIn;
        Http = new HttpClient { BaseAddress = standIn.Url };
    }

    public AuthingStandIn StandIn { get; }

    public HttpClient Http { get; }

    /// <summary>The documented path of the protocol the stand-in was started with.</summary>
    public string Path { get; private init; } = string.Empty;

    public static StandInHarness Start(
        AuthingProtocol protocol = AuthingProtocol.Oidc,
        ClientAuthenticationMethod method = ClientAuthenticationMethod.ClientSecretPost,
        string appSecret = AppSecret) =>
        new(AuthingStandIn.Start(new AuthingStandInOptions
        {
            AppId = AppId,
            AppSecret = appSecret,
            Protocol = protocol,
            RevocationEndPointAuthMethod = method,
        }))
        {
            Path = protocol == AuthingProtocol.OAuth ? "/oauth/token/revocation" : "/oidc/token/revocation",
        };

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Http.SendAsync(request);

    public void Dispose()
    {
        Http.Dispose();
        StandIn.Dispose();
    }
}
