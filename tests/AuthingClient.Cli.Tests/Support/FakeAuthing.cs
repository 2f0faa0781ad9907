using AuthingClient.TestSupport;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AuthingClient.Cli.Tests.Support;

/// <summary>
/// A plain WireMock server on 127.0.0.1 with stubbed Authing answers chosen per token, and the
/// requests it received, for CLI contract tests.
/// </summary>
internal sealed class FakeAuthing : IDisposable
{
    private FakeAuthing(WireMockServer server) => Server = server;

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>The token of each request, sorted: requests sent concurrently arrive in any order.</summary>
    public string[] SortedTokensSent => Requests.Select(entry => FormFields.Parse(entry.RequestMessage.Body)["token"]).Order(StringComparer.Ordinal).ToArray();

    public static FakeAuthing Start()
    {
        var server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        return new FakeAuthing(server);
    }

    /// <summary>Every revocation on <paramref name="path"/> is answered 200 with an empty body unless a token-specific stub matches.</summary>
    public FakeAuthing AnswerOkByDefault(string path = RevocationRequest.OidcPath)
    {
        Server
            .Given(Request.Create().WithPath(path).UsingPost())
            .AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(200));
        return this;
    }

    /// <summary>A revocation of exactly <paramref name="token"/> is answered with this status and OAuth error.</summary>
    public FakeAuthing AnswerForToken(string token, int status, string error, string path = RevocationRequest.OidcPath)
    {
        Server
            .Given(Request.Create().WithPath(path).UsingPost().WithBody(new RegexMatcher($"(^|&)token={token}(&|$)")))
            .AtPriority(1)
            .RespondWith(Response.Create()
                .WithStatusCode(status)
                .WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"error":"{{error}}","error_description":"stubbed answer"}"""));
        return this;
    }

    public FakeAuthing AnswerEveryRequest(int status, string? error = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (error is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody($$"""{"error":"{{error}}"}""");
        }

        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
        return this;
    }

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }
}
