using System.Net;
using AuthingClient.Testing.Tests.Support;
using AuthingClient.TestSupport;
using static AuthingClient.TestSupport.RevocationRequest;

namespace AuthingClient.Testing.Tests;

public class AuthingStandInClientAuthenticationTests
{
    private const string AppId = StandInHarness.AppId;
    private const string Secret = StandInHarness.AppSecret;

    public static TheoryData<AuthingProtocol> Protocols => new() { AuthingProtocol.Oidc, AuthingProtocol.OAuth };

    [Theory]
    [MemberData(nameof(StandInMatrix.SupportedCombinations), MemberType = typeof(StandInMatrix))]
    public async Task Revoke_RightCredentialsForTheConfiguredMethod_Answers200EmptyAndRecordsTheToken(AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        using var harness = StandInHarness.Start(protocol, method);
        using var request = method switch
        {
            ClientAuthenticationMethod.ClientSecretPost => Form(harness.Path, Fields("tok-1", AppId, Secret)),
            ClientAuthenticationMethod.ClientSecretBasic => Form(harness.Path, Fields("tok-1", AppId), Basic(AppId, Secret)),
            _ => Form(harness.Path, Fields("tok-1", AppId)),
        };

        using var response = await harness.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.True(harness.StandIn.IsRevoked("tok-1"));
        Assert.Equal(["tok-1"], harness.StandIn.RevokedTokens);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task ClientSecretPost_WrongSecret_Is401InvalidClientAndNothingIsRevoked(AuthingProtocol protocol)
    {
        using var harness = StandInHarness.Start(protocol);
        using var request = Form(harness.Path, Fields("tok-1", AppId, "wrong-secret"));

        using var response = await harness.SendAsync(request);

        var body = await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.DoesNotContain("wrong-secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-1", body, StringComparison.Ordinal);
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task ClientSecretPost_NoSecret_Is401InvalidClient(AuthingProtocol protocol)
    {
        using var harness = StandInHarness.Start(protocol);
        using var request = Form(harness.Path, Fields("tok-1", AppId));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.False(harness.StandIn.IsRevoked("tok-1"));
    }

    [Theory]
    [InlineData("other-app")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ClientSecretPost_UnknownOrMissingClientId_Is401InvalidClient(string? clientId)
    {
        using var harness = StandInHarness.Start();
        using var request = Form(harness.Path, Fields("tok-1", clientId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task ClientSecretPost_BasicCredentialsSentInstead_Is401WithABasicChallenge()
    {
        using var harness = StandInHarness.Start();
        using var request = Form(harness.Path, Fields("tok-1", AppId), Basic(AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost)]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData(ClientAuthenticationMethod.None)]
    public async Task Revoke_CredentialsInBothTheBodyAndABasicHeader_Is400InvalidRequest(ClientAuthenticationMethod method)
    {
        using var harness = StandInHarness.Start(method: method);
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret), Basic(AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task ClientSecretBasic_WrongSecret_Is401InvalidClient()
    {
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.ClientSecretBasic);
        using var request = Form(harness.Path, Fields("tok-1", AppId), Basic(AppId, "wrong-secret"));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task ClientSecretBasic_SecretInTheBodyInsteadOfAHeader_Is401InvalidClient()
    {
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.ClientSecretBasic);
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("other-app")]
    public async Task ClientSecretBasic_NoMatchingClientIdInTheBody_Is401InvalidClient(string? bodyClientId)
    {
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.ClientSecretBasic);
        using var request = Form(harness.Path, Fields("tok-1", bodyClientId), Basic(AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task ClientSecretBasic_ReservedCharactersFormEncoded_WorksAsEachHalfIsFormDecoded()
    {
        const string awkwardSecret = "p+a%s:s w/rd=&";
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.ClientSecretBasic, appSecret: awkwardSecret);
        using var request = Form(harness.Path, Fields("tok-1", AppId), Basic(AppId, awkwardSecret));

        using var response = await harness.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(harness.StandIn.IsRevoked("tok-1"));
    }

    [Fact]
    public async Task ClientSecretBasic_ReservedCharactersNotFormEncoded_IsRefused()
    {
        const string awkwardSecret = "p+ss:word";
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.ClientSecretBasic, appSecret: awkwardSecret);
        using var request = Form(harness.Path, Fields("tok-1", AppId), BasicUnencoded(AppId, awkwardSecret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Theory]
    [InlineData("Basic not-base64!")]
    [InlineData("Bearer some-access-token")]
    public async Task AuthorizationHeader_MalformedOrNotBasic_Is401InvalidClient(string authorization)
    {
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.ClientSecretBasic);
        using var request = Form(harness.Path, Fields("tok-1", AppId), authorization);

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost)]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData(ClientAuthenticationMethod.None)]
    public async Task BasicCredentials_OnTheOAuthPath_Are401InvalidClientWhateverTheAppMethod(ClientAuthenticationMethod method)
    {
        using var harness = StandInHarness.Start(AuthingProtocol.OAuth, method);
        using var request = Form(OAuthPath, Fields("tok-1", AppId), Basic(AppId, StandInHarness.AppSecret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task PublicClient_SecretInTheBody_Is401InvalidClient(AuthingProtocol protocol)
    {
        using var harness = StandInHarness.Start(protocol, ClientAuthenticationMethod.None);
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task PublicClient_BasicCredentials_Is401InvalidClient()
    {
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.None);
        using var request = Form(harness.Path, Fields("tok-1", AppId), Basic(AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Theory]
    [InlineData("other-app")]
    [InlineData(null)]
    public async Task PublicClient_UnknownOrMissingClientId_Is401InvalidClient(string? clientId)
    {
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.None);
        using var request = Form(harness.Path, Fields("tok-1", clientId));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }
}
