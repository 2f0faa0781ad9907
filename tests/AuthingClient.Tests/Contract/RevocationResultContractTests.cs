using System.Net;
using AuthingClient.Tests.Support;

namespace AuthingClient.Tests.Contract;

/// <summary>How each answer of the server becomes <see langword="true"/>, <see langword="false"/> or a typed failure.</summary>
public sealed class RevocationResultContractTests(RevocationServerFixture server) : ServerContractTests(server)
{
    private const string Json = "application/json";

    private static readonly Dictionary<string, ErrorAnswer> ErrorAnswers = new()
    {
        ["400 invalid_request with description"] = new(400, """{"error":"invalid_request","error_description":"The token parameter is missing"}""", Json, "invalid_request", "The token parameter is missing"),
        ["400 invalid_request with error_uri"] = new(400, """{"error":"invalid_request","error_description":"bad","error_uri":"https://docs.authing.cn/errors#invalid_request"}""", Json, "invalid_request", "bad", "https://docs.authing.cn/errors#invalid_request"),
        ["401 invalid_client"] = new(401, """{"error":"invalid_client","error_description":"Client authentication failed"}""", Json, "invalid_client", "Client authentication failed"),
        ["401 unsupported_token_type is not a 400"] = new(401, """{"error":"unsupported_token_type"}""", Json, "unsupported_token_type"),
        ["403 access_denied without content type"] = new(403, """{"error":"access_denied"}""", null, "access_denied"),
        ["500 with empty body"] = new(500, null, null),
        ["500 with HTML"] = new(500, "<html><body><h1>Internal Server Error</h1></body></html>", "text/html"),
        ["400 with HTML"] = new(400, "<!DOCTYPE html><html><body>Bad Request</body></html>", "text/html; charset=utf-8"),
        ["400 with JSON of wrong types"] = new(400, """{"error":5,"error_description":["x"],"error_uri":{"a":1}}""", Json),
        ["400 with a numeric error but a text description"] = new(400, """{"error":5,"error_description":"described anyway"}""", Json, null, "described anyway"),
        ["400 with truncated JSON"] = new(400, """{"error":"invalid_request","error_descr""", Json),
        ["400 with JSON null"] = new(400, "null", Json),
        ["400 with a JSON array"] = new(400, """[{"error":"invalid_request"}]""", Json),
        ["404 with empty JSON object"] = new(404, "{}", Json),
        ["400 with a 1 MiB body"] = new(400, new string('x', 1024 * 1024), "text/plain"),
    };

    private static readonly int[] RedirectStatuses = [301, 302, 303, 307, 308];

    public static TheoryData<string> ErrorAnswerNames => [.. ErrorAnswers.Keys];

    public static TheoryData<string> ErrorAnswerNamesWithCode => [.. ErrorAnswers.Where(a => a.Value.Error is not null).Select(a => a.Key)];

    public static TheoryData<int, ClientConstruction> RedirectCases =>
        Cases.Of(from status in RedirectStatuses from construction in ContractMatrix.Constructions select (status, construction));

    [Theory]
    [InlineData(200, null, null)]
    [InlineData(200, "", Json)]
    [InlineData(200, "true", Json)]
    [InlineData(200, "false", Json)]
    [InlineData(200, """{"ok":1}""", Json)]
    [InlineData(200, """{"error":"invalid_request"}""", Json)]
    [InlineData(200, "<html><body>OK</body></html>", "text/html")]
    [InlineData(200, "{not json", Json)]
    [InlineData(201, null, null)]
    [InlineData(202, "accepted", "text/plain")]
    [InlineData(204, null, null)]
    public async Task RevokeTokenAsync_ServerAnswers2xx_ReturnsTrueWhateverTheBody(int status, string? body, string? contentType)
    {
        Server.Answer((HttpStatusCode)status, body, contentType);

        Assert.True(await Server.RevokeAsync());
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.AllConstructions), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_ServerAnswers400UnsupportedTokenType_ReturnsFalse(ClientConstruction construction)
    {
        Server.Answer(HttpStatusCode.BadRequest, """{"error":"unsupported_token_type","error_description":"JWT access tokens cannot be revoked"}""", Json);

        Assert.False(await Server.RevokeAsync(construction));
    }

    [Theory]
    [MemberData(nameof(ErrorAnswerNames))]
    public async Task RevokeTokenAsync_ServerAnswersAnError_ThrowsWithTheStatusAndTheOAuthFields(string answerName)
    {
        var answer = ErrorAnswers[answerName];

        var exception = await RevokeAgainstAsync(answerName);

        Assert.Equal(
            (RevocationOutcome.Refused, (HttpStatusCode?)answer.Status, answer.Error, answer.ErrorDescription, answer.ErrorUri, true),
            (exception.Outcome, exception.StatusCode, exception.Error, exception.ErrorDescription, exception.ErrorUri, exception.StatusCode is not null));
    }

    [Theory]
    [MemberData(nameof(ErrorAnswerNames))]
    public async Task RevokeTokenAsync_ServerAnswersAnError_MessageNamesTheStatus(string answerName)
    {
        var exception = await RevokeAgainstAsync(answerName);

        Assert.Contains(ErrorAnswers[answerName].Status.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ErrorAnswerNamesWithCode))]
    public async Task RevokeTokenAsync_ServerAnswersAnOAuthError_MessageNamesTheErrorCode(string answerName)
    {
        var exception = await RevokeAgainstAsync(answerName);

        Assert.Contains(ErrorAnswers[answerName].Error!, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeTokenAsync_ServerAnswersWithA1MiBBody_KeepsTheMessageShort()
    {
        Server.Answer(HttpStatusCode.BadRequest, """{"error":"invalid_request","error_description":" """ + new string('d', 1024 * 1024) + "\"}", Json);

        var exception = await Server.RevokeExpectingFailureAsync();

        Assert.InRange(exception.Message.Length, 1, 2048);
    }

    [Fact]
    public async Task RevokeTokenAsync_ErrorDescriptionLongerThanAPage_IsCutInTheException()
    {
        Server.Answer(HttpStatusCode.BadRequest, """{"error":"invalid_request","error_description":" """ + new string('d', 10_000) + "\"}", Json);

        var exception = await Server.RevokeExpectingFailureAsync();

        Assert.InRange(exception.ErrorDescription!.Length, 1, 1024);
    }

    [Theory]
    [MemberData(nameof(RedirectCases))]
    public async Task RevokeTokenAsync_ServerRedirects_ThrowsWithTheRedirectStatus(int status, ClientConstruction construction)
    {
        AnswerWithRedirect(status);

        var exception = await Server.RevokeExpectingFailureAsync(construction);

        Assert.Equal((RevocationOutcome.Refused, (HttpStatusCode?)status), (exception.Outcome, exception.StatusCode));
    }

    [Theory]
    [MemberData(nameof(RedirectCases))]
    public async Task RevokeTokenAsync_ServerRedirects_NeverSendsTheRequestToTheRedirectTarget(int status, ClientConstruction construction)
    {
        AnswerWithRedirect(status);

        await Server.RevokeExpectingFailureAsync(construction);

        Assert.DoesNotContain(Server.Requests, r => r.Path == "/elsewhere/token/revocation");
        Assert.Single(Server.Requests);
    }

    [Theory]
    [InlineData("error_description")]
    [InlineData("error")]
    [InlineData("error_uri")]
    public async Task RevokeTokenAsync_ErrorEchoesTheTokenAndTheSecret_ExceptionTextContainsNeither(string field)
    {
        const string token = "leaked-refresh-token-0f1e2d3c";
        Server.Answer(HttpStatusCode.BadRequest, $$"""{"{{field}}":"token {{token}} of client {{TestApp.Secret}} rejected"}""", Json);

        var exception = await Server.RevokeExpectingFailureAsync(token: token);

        var everything = string.Join("\n", exception.ToString(), exception.Error, exception.ErrorDescription, exception.ErrorUri);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.Secret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeTokenAsync_ErrorEchoesTheToken_TheRestOfTheDescriptionIsKept()
    {
        const string token = "leaked-refresh-token-0f1e2d3c";
        Server.Answer(HttpStatusCode.BadRequest, $$"""{"error":"invalid_grant","error_description":"token {{token}} has expired"}""", Json);

        var exception = await Server.RevokeExpectingFailureAsync(token: token);

        Assert.Matches("^token .+ has expired$", exception.ErrorDescription);
    }

    private Task<AuthingRevocationException> RevokeAgainstAsync(string answerName)
    {
        var answer = ErrorAnswers[answerName];
        Server.Answer((HttpStatusCode)answer.Status, answer.Body, answer.ContentType);
        return Server.RevokeExpectingFailureAsync();
    }

    private void AnswerWithRedirect(int status)
    {
        Server.AnswerOn("/elsewhere/token/revocation", HttpStatusCode.OK);
        Server.AnswerOn("/oidc/token/revocation", (HttpStatusCode)status, location: Server.Url + "/elsewhere/token/revocation");
    }

    /// <summary>An error answer and the fields the exception must carry.</summary>
    private sealed record ErrorAnswer(int Status, string? Body, string? ContentType, string? Error = null, string? ErrorDescription = null, string? ErrorUri = null);
}
