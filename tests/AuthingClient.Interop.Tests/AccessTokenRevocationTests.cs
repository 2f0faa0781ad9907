using AuthingClient.Interop.Tests.Server;
using AuthingClient.Interop.Tests.Support;

namespace AuthingClient.Interop.Tests;

/// <summary>Revoking real reference access tokens at OpenIddict 7 through the library.</summary>
[Collection(SharedAuthorizationServer.Name)]
public sealed class AccessTokenRevocationTests(AuthorizationServerFixture server)
{
    [Theory]
    [MemberData(nameof(RevocationMatrix.SupportedPairs), MemberType = typeof(RevocationMatrix))]
    public async Task RevokeTokenAsync_IssuedAccessToken_ReturnsTrueAndIntrospectionThenReportsItInactive(AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var client = RegisteredClient.For(method);
        var tokens = await server.Endpoints.IssueTokensAsync(client);
        Assert.True(await server.Endpoints.IsAccessTokenActiveAsync(tokens.AccessToken));
        using var authing = server.CreateAuthingClient(client, protocol);

        var revoked = await authing.RevokeTokenAsync(tokens.AccessToken, TokenTypeHint.AccessToken);

        Assert.True(revoked);
        Assert.False(await server.Endpoints.IsAccessTokenActiveAsync(tokens.AccessToken));
        var request = Assert.Single(server.RevocationPolicy.ObservedFor(tokens.AccessToken));
        Assert.Equal(new ObservedRevocation(RevocationMatrix.PathOf(protocol), client.ClientId, method, "access_token", tokens.AccessToken), request);
    }

    [Fact]
    public async Task RevokeTokenAsync_AccessTokenWithoutHint_SendsNoHintAndStillRevokesIt()
    {
        var client = RegisteredClient.SecretPost;
        var tokens = await server.Endpoints.IssueTokensAsync(client);
        using var authing = server.CreateAuthingClient(client);

        Assert.True(await authing.RevokeTokenAsync(tokens.AccessToken));

        Assert.False(await server.Endpoints.IsAccessTokenActiveAsync(tokens.AccessToken));
        Assert.Null(Assert.Single(server.RevocationPolicy.ObservedFor(tokens.AccessToken)).TokenTypeHint);
    }

    [Fact]
    public async Task RevokeTokenAsync_AccessTokenAlreadyRevoked_ReturnsTrueAgain()
    {
        // RFC 7009 §2.2: an already invalid token is answered with 200 like any other, so a
        // retried revocation cannot be mistaken for a failure.
        var client = RegisteredClient.Public;
        var tokens = await server.Endpoints.IssueTokensAsync(client);
        using var authing = server.CreateAuthingClient(client);
        Assert.True(await authing.RevokeTokenAsync(tokens.AccessToken));

        var revokedAgain = await authing.RevokeTokenAsync(tokens.AccessToken);

        Assert.True(revokedAgain);
        Assert.Equal(2, server.RevocationPolicy.ObservedFor(tokens.AccessToken).Count);
    }

    [Fact]
    public async Task RevokeTokenAsync_AccessToken_LeavesTheRefreshTokenOfTheSameGrantRedeemable()
    {
        // OpenIddict revokes only the token it was given (Authing may kill both): an application
        // that signs a user out must revoke the refresh token too.
        var client = RegisteredClient.SecretPost;
        var tokens = await server.Endpoints.IssueTokensAsync(client);
        using var authing = server.CreateAuthingClient(client);

        Assert.True(await authing.RevokeTokenAsync(tokens.AccessToken, TokenTypeHint.AccessToken));

        var answer = await server.Endpoints.RedeemRefreshTokenAsync(client, tokens.RefreshToken!);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.NotNull(answer.AccessToken);
    }

    [Fact]
    public async Task RevokeTokenAsync_SelfContainedAccessToken_ReturnsTrueAndIntrospectionThenReportsItInactive()
    {
        // OpenIddict stores an entry for every token it issues, JWTs included, so it revokes a
        // self-contained access token too; but only the server knows: a resource server that
        // checks the signature locally keeps accepting the token until it expires.
        var client = RegisteredClient.SelfContainedAccessTokens;
        var tokens = await server.Endpoints.IssueTokensAsync(client);
        Assert.StartsWith("eyJ", tokens.AccessToken, StringComparison.Ordinal);
        Assert.True(await server.Endpoints.IsAccessTokenActiveAsync(tokens.AccessToken));
        using var authing = server.CreateAuthingClient(client);

        var revoked = await authing.RevokeTokenAsync(tokens.AccessToken, TokenTypeHint.AccessToken);

        Assert.True(revoked);
        Assert.False(await server.Endpoints.IsAccessTokenActiveAsync(tokens.AccessToken));
    }
}
