using System.Net;
using AuthingClient.TestSupport;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace AuthingClient.Cli.Tests.Support;

/// <summary>
/// A WireMock server on 127.0.0.1 with stubbed Authing answers chosen per token, and the requests it
/// received, recorded as they arrive (<see cref="ObservedWireMock"/>), for CLI contract tests.
/// </summary>
internal sealed class FakeAuthing : IDisposable
{
    private readonly ObservedWireMock _wire = new();

    private FakeAuthing()
    {
    }

    public string Url => _wire.Url;

    public IReadOnlyList<IRequestMessage> Requests => _wire.Requests;

    /// <summary>The token of each request, sorted: requests sent concurrently arrive in any order.</summary>
    public string[] SortedTokensSent => Requests.Select(request => FormFields.Parse(request.Body)["token"]).Order(StringComparer.Ordinal).ToArray();

    public static FakeAuthing Start() => new();

    /// <summary>Every revocation on <paramref name="path"/> is answered 200 with an empty body unless a token-specific stub matches.</summary>
    public FakeAuthing AnswerOkByDefault(string path = RevocationRequest.OidcPath)
    {
        _wire.Server
            .Given(Request.Create().WithPath(path).UsingPost())
            .AtPriority(100)
            .RespondWith(_wire.Respond(HttpStatusCode.OK));
        return this;
    }

    /// <summary>A revocation of exactly <paramref name="token"/> is answered with this status and OAuth error.</summary>
    public FakeAuthing AnswerForToken(string token, int status, string error, string path = RevocationRequest.OidcPath)
    {
        _wire.Server
            .Given(Request.Create().WithPath(path).UsingPost().WithBody(new RegexMatcher($"(^|&)token={token}(&|$)")))
            .AtPriority(1)
            .RespondWith(_wire.Respond((HttpStatusCode)status, $$"""{"error":"{{error}}","error_description":"stubbed answer"}""", "application/json"));
        return this;
    }

    public FakeAuthing AnswerEveryRequest(int status, string? error = null)
    {
        _wire.Server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(error is null
                ? _wire.Respond((HttpStatusCode)status)
                : _wire.Respond((HttpStatusCode)status, $$"""{"error":"{{error}}"}""", "application/json"));
        return this;
    }

    public void Dispose() => _wire.Dispose();
}
