using System.Net;
using AuthingClient.Tests.Support;
using Microsoft.OpenApi;

namespace AuthingClient.Tests.Spec;

/// <summary>
/// The spec, the generated code and the wire cannot drift apart silently: the spec is a valid
/// OpenAPI document, every request the client sends conforms to it, and the validator used for that
/// really rejects what the spec forbids.
/// </summary>
public sealed class SpecConformanceTests(RevocationServerFixture fixture) : IClassFixture<RevocationServerFixture>
{
    public static TheoryData<AuthingProtocol, ClientAuthenticationMethod, TokenTypeHint?> EveryRequestShape()
    {
        var data = new TheoryData<AuthingProtocol, ClientAuthenticationMethod, TokenTypeHint?>();
        foreach (var (protocol, method) in TestApp.ValidAuthCombinations())
        {
            foreach (var hint in new TokenTypeHint?[] { null, TokenTypeHint.AccessToken, TokenTypeHint.RefreshToken })
            {
                data.Add(protocol, method, hint);
            }
        }

        return data;
    }

    [Fact]
    public void Spec_IsAValidOpenApi3DocumentWithBothRevocationPaths()
    {
        Assert.Empty(SpecDocument.Diagnostic.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, SpecDocument.Diagnostic.SpecificationVersion);
        Assert.Contains("/oidc/token/revocation", SpecDocument.Document.Paths.Keys);
        Assert.Contains("/oauth/token/revocation", SpecDocument.Document.Paths.Keys);
    }

    [Theory]
    [MemberData(nameof(EveryRequestShape))]
    public async Task RevokeTokenAsync_EveryProtocolAuthMethodAndHint_SendsARequestTheSpecAllows(AuthingProtocol protocol, ClientAuthenticationMethod method, TokenTypeHint? hint)
    {
        fixture.Reset();
        fixture.AnswerOk();
        using var client = new AuthenticationClient(TestApp.Options(fixture.Url, protocol, method));

        await client.RevokeTokenAsync(TestApp.Token, hint);

        Assert.Empty(SpecRequestValidator.Violations(fixture.SingleRequest()));
    }

    [Theory]
    [InlineData("token=t&client_id=a&audience=x", "field 'audience' is not in the schema")]
    [InlineData("token=t&client_id=a&token_type_hint=AccessToken", "field 'token_type_hint' has value 'AccessToken'")]
    [InlineData("client_id=a&client_secret=s", "required field 'token' is missing")]
    [InlineData("token=&client_id=a", "field 'token' is shorter than 1")]
    [InlineData("token=t&token=u&client_id=a", "field 'token' is sent 2 times")]
    public async Task Validator_RejectsAFormTheSpecForbids(string form, string expectedViolation)
    {
        var request = await SendRawAsync("/oidc/token/revocation", form, "application/x-www-form-urlencoded", authorization: null);

        Assert.Contains(SpecRequestValidator.Violations(request), v => v.StartsWith(expectedViolation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validator_RejectsBasicCredentialsOnTheOAuthPath()
    {
        var request = await SendRawAsync("/oauth/token/revocation", "token=t&client_id=a", "application/x-www-form-urlencoded", authorization: "Basic YTpi");

        Assert.Contains(SpecRequestValidator.Violations(request), v => v.StartsWith("an Authorization header is sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validator_RejectsAJsonBody()
    {
        var request = await SendRawAsync("/oidc/token/revocation", """{"token":"t"}""", "application/json", authorization: null);

        Assert.Contains(SpecRequestValidator.Violations(request), v => v.StartsWith("content type 'application/json", StringComparison.Ordinal));
    }

    private async Task<RecordedRequest> SendRawAsync(string path, string body, string contentType, string? authorization)
    {
        fixture.Reset();
        fixture.AnswerOk();
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, fixture.Url + path)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, contentType),
        };
        if (authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return fixture.SingleRequest();
    }
}
