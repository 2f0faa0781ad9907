using System.Net;
using AuthingClient.Interop.Tests.Server;
using AuthingClient.Interop.Tests.Support;

namespace AuthingClient.Interop.Tests;

/// <summary>Revoking real reference refresh tokens at OpenIddict 7 through the library.</summary>
[Collection(SharedAuthorizationServer.Name)]
public sealed class RefreshTokenRevocationTests(AuthorizationServerFixture server)
{
    [Theory]
    [MemberData(nameof(RevocationMatrix.Methods), MemberType = typeof(RevocationMatrix))]
    public async Task RefreshGrant_RefreshTokenNobodyRevoked_IssuesANewAccessToken(ClientAuthenticationMethod method)
    {
        // The control for the tests below: invalid_grant there comes from the revocation, not from
        // a refresh grant that never worked.
        var client = RegisteredClient.For(method);
        var tokens = await server.Endpoints.IssueTokensAsync(client);

        var answer = await server.Endpoints.RedeemRefreshTokenAsync(client, tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.NotNull(answer.AccessToken);
    }

    [Theory]
    [MemberData(nameof(RevocationMatrix.SupportedPairs), MemberType = typeof(RevocationMatrix))]
    public async Task RevokeTokenAsync_RefreshTokenWithRefreshHint_ReturnsTrueAndTheRefreshGrantThenFailsWithInvalidGrant(AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var client = RegisteredClient.For(method);
        var tokens = await server.Endpoints.IssueTokensAsync(client);
        using var authing = server.CreateAuthingClient(client, protocol);

        var revoked = await authing.RevokeTokenAsync(tokens.RefreshToken!, TokenTypeHint.RefreshToken);

        Assert.True(revoked);
        var answer = await server.Endpoints.RedeemRefreshTokenAsync(client, tokens.RefreshToken!);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (answer.StatusCode, answer.Error));
        var request = Assert.Single(server.RevocationPolicy.ObservedFor(tokens.RefreshToken!));
        Assert.Equal(new ObservedRevocation(RevocationMatrix.PathOf(protocol), client.ClientId, method, "refresh_token", tokens.RefreshToken), request);
    }

    [Fact]
    public async Task RevokeTokenAsync_RefreshTokenWithAccessTokenHint_StillRevokesIt()
    {
        // RFC 7009 §2.1: a wrong hint only widens the server's search.
        var client = RegisteredClient.SecretBasic;
        var tokens = await server.Endpoints.IssueTokensAsync(client);
        using var authing = server.CreateAuthingClient(client);

        Assert.True(await authing.RevokeTokenAsync(tokens.RefreshToken!, TokenTypeHint.AccessToken));

        var answer = await server.Endpoints.RedeemRefreshTokenAsync(client, tokens.RefreshToken!);
        Assert.Equal("invalid_grant", answer.Error);
    }
}
