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
    public async Task Right_credentials_for_the_configured_method_are_answered_200_with_an_empty_body_and_the_token_is_recorded(AuthingProtocol protocol, ClientAuthenticationMethod method)
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
    public async Task Client_secret_post_with_a_wrong_secret_is_401_invalid_client_and_nothing_is_revoked(AuthingProtocol protocol)
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
    public async Task Client_secret_post_without_a_secret_is_401_invalid_client(AuthingProtocol protocol)
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
    public async Task Client_secret_post_with_an_unknown_or_missing_client_id_is_401_invalid_client(string? clientId)
    {
        using var harness = StandInHarness.Start();
        using var request = Form(harness.Path, Fields("tok-1", clientId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task Client_secret_post_app_sending_basic_credentials_instead_is_401_with_a_basic_challenge()
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
    public async Task Credentials_in_both_the_body_and_a_basic_header_are_400_invalid_request(ClientAuthenticationMethod method)
    {
        using var harness = StandInHarness.Start(method: method);
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret), Basic(AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task Client_secret_basic_with_a_wrong_secret_is_401_invalid_client()
    {
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.ClientSecretBasic);
        using var request = Form(harness.Path, Fields("tok-1", AppId), Basic(AppId, "wrong-secret"));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task Client_secret_basic_with_the_secret_in_the_body_instead_of_a_header_is_401_invalid_client()
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
    public async Task Client_secret_basic_without_a_matching_client_id_in_the_body_is_401_invalid_client(string? bodyClientId)
    {
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.ClientSecretBasic);
        using var request = Form(harness.Path, Fields("tok-1", bodyClientId), Basic(AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task Client_secret_basic_form_decodes_each_half_so_a_secret_with_reserved_characters_works_when_encoded()
    {
        const string awkwardSecret = "p+a%s:s w/rd=&";
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.ClientSecretBasic, appSecret: awkwardSecret);
        using var request = Form(harness.Path, Fields("tok-1", AppId), Basic(AppId, awkwardSecret));

        using var response = await harness.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(harness.StandIn.IsRevoked("tok-1"));
    }

    [Fact]
    public async Task Client_secret_basic_refuses_a_secret_with_reserved_characters_that_was_not_form_encoded()
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
    public async Task A_malformed_or_non_basic_authorization_header_is_401_invalid_client(string authorization)
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
    public async Task Basic_credentials_on_the_oauth_path_are_401_invalid_client_whatever_the_app_method(ClientAuthenticationMethod method)
    {
        using var harness = StandInHarness.Start(AuthingProtocol.OAuth, method);
        using var request = Form(OAuthPath, Fields("tok-1", AppId), Basic(AppId, StandInHarness.AppSecret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task A_public_client_sending_a_secret_in_the_body_is_401_invalid_client(AuthingProtocol protocol)
    {
        using var harness = StandInHarness.Start(protocol, ClientAuthenticationMethod.None);
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }

    [Fact]
    public async Task A_public_client_sending_basic_credentials_is_401_invalid_client()
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
    public async Task A_public_client_with_an_unknown_or_missing_client_id_is_401_invalid_client(string? clientId)
    {
        using var harness = StandInHarness.Start(method: ClientAuthenticationMethod.None);
        using var request = Form(harness.Path, Fields("tok-1", clientId));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(harness.StandIn.RevokedTokens);
    }
}
