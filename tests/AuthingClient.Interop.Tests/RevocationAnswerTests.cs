using System.Net;
using AuthingClient.Interop.Tests.Server;
using AuthingClient.Interop.Tests.Support;

namespace AuthingClient.Interop.Tests;

/// <summary>
/// What the library makes of OpenIddict's other answers: unknown tokens, tokens it will not revoke,
/// bad client credentials, and secrets that need encoding in a Basic header.
/// </summary>
[Collection(SharedAuthorizationServer.Name)]
public sealed class RevocationAnswerTests(AuthorizationServerFixture server)
{
    [Theory]
    [MemberData(nameof(RevocationMatrix.SupportedPairs), MemberType = typeof(RevocationMatrix))]
    public async Task RevokeTokenAsync_TokenNeverIssued_ReturnsTrue(AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        // RFC 7009 §2.2: OpenIddict answers 200 with "{}" for a token it does not know.
        var client = RegisteredClient.For(method);
        using var authing = server.CreateAuthingClient(client, protocol);
        var neverIssued = "never-issued-" + Guid.NewGuid().ToString("N");

        var revoked = await authing.RevokeTokenAsync(neverIssued);

        Assert.True(revoked);
        Assert.Equal(RevocationMatrix.PathOf(protocol), Assert.Single(server.RevocationPolicy.ObservedFor(neverIssued)).Path);
    }

    [Theory]
    [MemberData(nameof(RevocationMatrix.PairsWithSecret), MemberType = typeof(RevocationMatrix))]
    public async Task RevokeTokenAsync_WrongClientSecret_ThrowsInvalidClientWith401AndTheTokenStaysActive(AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        // OpenIddict answers 401 (with WWW-Authenticate: Basic) and invalid_client / ID2055,
        // whichever way the secret was sent.
        var client = RegisteredClient.For(method);
        var tokens = await server.Endpoints.IssueTokensAsync(client);
        using var authing = server.CreateAuthingClient(client, protocol, secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => authing.RevokeTokenAsync(tokens.AccessToken));

        Assert.Equal(RevocationOutcome.Refused, error.Outcome);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_client", error.Error);
        Assert.Equal("The specified client credentials are invalid.", error.ErrorDescription);
        Assert.Equal("https://documentation.openiddict.com/errors/ID2055", error.ErrorUri);
        Assert.Equal(1, error.Attempts);
        Assert.NotNull(error.StatusCode);
        Assert.True(await server.Endpoints.IsAccessTokenActiveAsync(tokens.AccessToken));
    }

    [Fact]
    public async Task RevokeTokenAsync_UnknownClientId_ThrowsInvalidClientWith401()
    {
        var stranger = new RegisteredClient("interop-nobody", "some-secret", ClientAuthenticationMethod.ClientSecretPost);
        using var authing = server.CreateAuthingClient(stranger);

        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => authing.RevokeTokenAsync("any-token"));

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (error.StatusCode, error.Error));
        Assert.Equal("The specified 'client_id' is invalid.", error.ErrorDescription);
    }

    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic, ClientAuthenticationMethod.ClientSecretPost)]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost, ClientAuthenticationMethod.ClientSecretBasic)]
    public async Task RevokeTokenAsync_MethodOtherThanTheRegisteredOne_IsRefusedAsInvalidClient(ClientAuthenticationMethod registered, ClientAuthenticationMethod configured)
    {
        // Proves the server tells the methods apart, so the passing tests above really used the
        // method they name (the secret in the Basic header, or in the form).
        var client = RegisteredClient.For(registered);
        using var authing = server.CreateAuthingClient(client, method: configured);
        var token = "never-issued-" + Guid.NewGuid().ToString("N");

        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => authing.RevokeTokenAsync(token));

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (error.StatusCode, error.Error));
        Assert.Equal(configured, Assert.Single(server.RevocationPolicy.ObservedFor(token)).Method);
    }

    [Fact]
    public async Task RevokeTokenAsync_BasicSecretWithReservedCharacters_IsAcceptedAndRevokes()
    {
        // RFC 6749 §2.3.1: OpenIddict form-decodes both halves of the Basic credentials, so a secret
        // with '+', '/', '=', '&', ' ', '%' and ':' works only when the library encoded it first.
        var client = RegisteredClient.SecretBasicWithReservedCharacters;
        var tokens = await server.Endpoints.IssueTokensAsync(client);
        using var authing = server.CreateAuthingClient(client);

        Assert.True(await authing.RevokeTokenAsync(tokens.AccessToken, TokenTypeHint.AccessToken));

        Assert.False(await server.Endpoints.IsAccessTokenActiveAsync(tokens.AccessToken));
        Assert.Equal(ClientAuthenticationMethod.ClientSecretBasic, Assert.Single(server.RevocationPolicy.ObservedFor(tokens.AccessToken)).Method);
    }

    [Fact]
    public async Task RevokeTokenAsync_IdentityToken_ReturnsFalseBecauseOpenIddictAnswersUnsupportedTokenType()
    {
        // An id_token is a self-contained JWT that OpenIddict refuses to revoke: 400
        // unsupported_token_type (ID2079 "This token cannot be revoked."), which the library reports
        // as false: the token was not revoked and stays valid until it expires.
        var client = RegisteredClient.SecretPost;
        var tokens = await server.Endpoints.IssueTokensAsync(client, scope: "openid offline_access");
        Assert.NotNull(tokens.IdentityToken);
        Assert.Equal(3, tokens.IdentityToken.Split('.').Length);
        using var authing = server.CreateAuthingClient(client);

        var revoked = await authing.RevokeTokenAsync(tokens.IdentityToken);

        Assert.False(revoked);
    }

    [Fact]
    public async Task RevokeTokenAsync_AccessTokenIssuedToAnotherClient_ReturnsTrueButTheTokenStaysActive()
    {
        // OpenIddict treats a token issued to another client like an unknown one (RFC 7009 §2.2):
        // 200 and nothing revoked. So true proves revocation only when AppId is the token's client.
        var owner = RegisteredClient.SecretPost;
        var tokens = await server.Endpoints.IssueTokensAsync(owner);
        using var stranger = server.CreateAuthingClient(RegisteredClient.Public);

        var revoked = await stranger.RevokeTokenAsync(tokens.AccessToken, TokenTypeHint.AccessToken);

        Assert.True(revoked);
        Assert.True(await server.Endpoints.IsAccessTokenActiveAsync(tokens.AccessToken));
    }
}
