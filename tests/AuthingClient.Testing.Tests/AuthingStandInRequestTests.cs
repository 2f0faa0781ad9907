using System.Net;
using AuthingClient.Testing.Tests.Support;
using AuthingClient.TestSupport;
using AuthingClient.Testing;
using static AuthingClient.TestSupport.RevocationRequest;

namespace AuthingClient.Testing.Tests;

public class AuthingStandInRequestTests
{
    private const string AppId = StandInHarness.AppId;
    private const string Secret = StandInHarness.AppSecret;

    [Fact]
    public void StandIn_Started_ListensOn127001AndItsAppHostHasNoTrailingSlash()
    {
        using var standIn = AuthingStandIn.Start();

        Assert.Equal("127.0.0.1", standIn.Url.Host);
        Assert.NotEqual(0, standIn.Url.Port);
        Assert.Equal($"http://127.0.0.1:{standIn.Url.Port}", standIn.CreateClientOptions().AppHost);
    }

    [Fact]
    public void ClientOptions_FromTheStandIn_CarryItsAddressAndCredentials()
    {
        using var standIn = AuthingStandIn.Start();

        var options = standIn.CreateClientOptions();

        Assert.Equal($"http://127.0.0.1:{standIn.Url.Port}", options.AppHost);
        Assert.Equal("local-app-id", options.AppId);
        Assert.Equal("local-app-secret", options.AppSecret);
        Assert.Equal(AuthingProtocol.Oidc, options.Protocol);
        Assert.Equal(ClientAuthenticationMethod.ClientSecretPost, options.RevocationEndPointAuthMethod);
    }

    [Fact]
    public void ClientOptions_ForAPublicClient_CarryNoSecret()
    {
        using var standIn = AuthingStandIn.Start(new AuthingStandInOptions { RevocationEndPointAuthMethod = ClientAuthenticationMethod.None });

        Assert.Null(standIn.CreateClientOptions().AppSecret);
    }

    [Theory]
    [InlineData(AuthingProtocol.Oidc, OAuthPath)]
    [InlineData(AuthingProtocol.OAuth, OidcPath)]
    public async Task RevocationPath_OfTheOtherProtocol_Is404(AuthingProtocol protocol, string otherPath)
    {
        using var harness = StandInHarness.Start(protocol);
        using var request = Form(otherPath, Fields("tok-1", AppId, Secret));

        using var response = await harness.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task RevocationPath_Get_Is405AllowingOnlyPost()
    {
        using var harness = StandInHarness.Start();

        using var response = await harness.Http.GetAsync(new Uri(harness.Path + "?token=tok-1", UriKind.Relative));

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.MethodNotAllowed, "invalid_request");
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task Revoke_JsonBody_Is400InvalidRequest()
    {
        using var harness = StandInHarness.Start();
        using var request = Raw(harness.Path, """{"token":"tok-1","client_id":"harness-app","client_secret":"harness-secret-5b2e"}""", "application/json");

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task Revoke_FormBodyWithAnExplicitUtf8Charset_IsAccepted()
    {
        using var harness = StandInHarness.Start();
        using var request = Raw(harness.Path, $"token=tok-1&client_id={AppId}&client_secret={Secret}", "application/x-www-form-urlencoded; charset=utf-8");

        using var response = await harness.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(harness.StandIn.IsRevoked("tok-1"));
    }

    [Theory]
    [InlineData("client_id=harness-app&client_secret=harness-secret-5b2e")]
    [InlineData("token=&client_id=harness-app&client_secret=harness-secret-5b2e")]
    public async Task Revoke_MissingOrEmptyToken_Is400InvalidRequest(string body)
    {
        using var harness = StandInHarness.Start();
        using var request = Raw(harness.Path, body);

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("token=a&token=b&client_id=harness-app&client_secret=harness-secret-5b2e")]
    [InlineData("token=a%2&client_id=harness-app&client_secret=harness-secret-5b2e")]
    [InlineData("token=%C3%28&client_id=harness-app&client_secret=harness-secret-5b2e")]
    [InlineData("token=\u00FC&client_id=harness-app&client_secret=harness-secret-5b2e")]
    public async Task Revoke_RepeatedParameterOrMalformedEncoding_Is400InvalidRequest(string body)
    {
        using var harness = StandInHarness.Start();
        using var request = Raw(harness.Path, body);

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Theory]
    [InlineData("access_token")]
    [InlineData("refresh_token")]
    public async Task TokenTypeHint_Known_IsAccepted(string hint)
    {
        using var harness = StandInHarness.Start();
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret, hint));

        using var response = await harness.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(harness.StandIn.IsRevoked("tok-1"));
    }

    [Theory]
    [InlineData("AccessToken")]
    [InlineData("id_token")]
    [InlineData("")]
    public async Task TokenTypeHint_UnknownOrEmpty_Is400UnsupportedTokenType(string hint)
    {
        using var harness = StandInHarness.Start();
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret, hint));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_token_type");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task Revoke_AwkwardTokenSentFormEncoded_IsRecordedExactlyAsTheClientHadIt()
    {
        using var harness = StandInHarness.Start();
        using var request = Raw(harness.Path, $"token=a%2Bb%2Fc%3Dd%26e+f%25g~%C3%BC&client_id={AppId}&client_secret={Secret}");

        using var response = await harness.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["a+b/c=d&e f%g~ü"], harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task RequestCount_AnyOutcome_CountsEveryRequest()
    {
        using var harness = StandInHarness.Start();
        using var ok = Form(harness.Path, Fields("tok-1", AppId, Secret));
        using var refused = Form(harness.Path, Fields("tok-2", AppId, "wrong"));
        using var notFound = Form("/elsewhere", Fields("tok-3", AppId, Secret));

        (await harness.SendAsync(ok)).Dispose();
        (await harness.SendAsync(refused)).Dispose();
        (await harness.SendAsync(notFound)).Dispose();

        Assert.Equal(3, harness.StandIn.RequestCount);
        Assert.Equal(["tok-1"], harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task Revoke_Concurrent_AllAreRecordedAndCounted()
    {
        using var harness = StandInHarness.Start();
        var tokens = Enumerable.Range(0, 40).Select(i => $"tok-{i}").ToArray();

        var statuses = await Task.WhenAll(tokens.Select(async token =>
        {
            using var request = Form(harness.Path, Fields(token, AppId, Secret));
            using var response = await harness.SendAsync(request);
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(tokens.Order(), harness.StandIn.RevokedTokens.Order());
        Assert.Equal(tokens.Length, harness.StandIn.RequestCount);
    }

    [Fact]
    public async Task Reset_AfterRevocations_ForgetsRevokedTokensAndTheRequestCount()
    {
        using var harness = StandInHarness.Start();
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret));
        (await harness.SendAsync(request)).Dispose();

        harness.StandIn.Reset();

        Assert.Empty(harness.StandIn.RevokedTokens);
        Assert.False(harness.StandIn.IsRevoked("tok-1"));
        Assert.Equal(0, harness.StandIn.RequestCount);
    }

    [Theory]
    [InlineData("", "s3cret-value", "AppId")]
    [InlineData("app", "", "AppSecret")]
    [InlineData("app", "s3cret-välue", "AppSecret")]
    public void Start_InvalidOptions_AreRefusedNamingTheSettingButNeverTheSecret(string appId, string appSecret, string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => AuthingStandIn.Start(new AuthingStandInOptions { AppId = appId, AppSecret = appSecret }));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        if (appSecret.Length > 0)
        {
            Assert.DoesNotContain(appSecret, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PublicClient_StandIn_NeedsNoSecret()
    {
        using var standIn = AuthingStandIn.Start(new AuthingStandInOptions { AppSecret = string.Empty, RevocationEndPointAuthMethod = ClientAuthenticationMethod.None });
        using var client = new AuthenticationClient(standIn.CreateClientOptions());

        Assert.True(await client.RevokeTokenAsync("public-client-token"));
        Assert.True(standIn.IsRevoked("public-client-token"));
    }
}
