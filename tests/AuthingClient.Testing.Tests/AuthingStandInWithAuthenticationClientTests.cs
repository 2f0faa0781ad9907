using System.Net;
using AuthingClient.Testing.Tests.Support;
using AuthingClient.TestSupport;
using AuthingClient.Testing;

namespace AuthingClient.Testing.Tests;

public class AuthingStandInWithAuthenticationClientTests
{
    [Theory]
    [MemberData(nameof(StandInMatrix.SupportedCombinations), MemberType = typeof(StandInMatrix))]
    public async Task The_client_configured_from_the_stand_in_revokes_and_the_stand_in_shows_the_token_revoked(AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        using var standIn = AuthingStandIn.Start(new AuthingStandInOptions { Protocol = protocol, RevocationEndPointAuthMethod = method });
        using var client = new AuthenticationClient(standIn.CreateClientOptions());

        var revoked = await client.RevokeTokenAsync("access-token-1");

        Assert.True(revoked);
        Assert.True(standIn.IsRevoked("access-token-1"));
    }

    [Fact]
    public async Task An_awkward_token_round_trips_exactly_through_the_client_and_the_stand_in()
    {
        const string awkward = "a+b/c=d&e f%g~ü";
        using var standIn = AuthingStandIn.Start();
        using var client = new AuthenticationClient(standIn.CreateClientOptions());

        Assert.True(await client.RevokeTokenAsync(awkward));

        Assert.Equal([awkward], standIn.RevokedTokens);
    }

    [Fact]
    public async Task A_secret_with_reserved_characters_works_with_client_secret_basic()
    {
        using var standIn = AuthingStandIn.Start(new AuthingStandInOptions
        {
            AppSecret = "p+a%s:s w/rd",
            RevocationEndPointAuthMethod = ClientAuthenticationMethod.ClientSecretBasic,
        });
        using var client = new AuthenticationClient(standIn.CreateClientOptions());

        Assert.True(await client.RevokeTokenAsync("refresh-token-1", TokenTypeHint.RefreshToken));

        Assert.True(standIn.IsRevoked("refresh-token-1"));
    }

    [Fact]
    public async Task A_client_with_the_wrong_secret_gets_a_401_invalid_client_exception()
    {
        using var standIn = AuthingStandIn.Start();
        var options = standIn.CreateClientOptions();
        options.AppSecret = "not-the-secret";
        using var client = new AuthenticationClient(options);

        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => client.RevokeTokenAsync("access-token-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_client", error.Error);
        Assert.False(standIn.IsRevoked("access-token-1"));
    }

    [Fact]
    public async Task A_queued_non_retryable_fault_reaches_the_client_as_an_exception_with_its_status_and_error()
    {
        using var standIn = AuthingStandIn.Start();
        standIn.EnqueueFault(new StandInFault(HttpStatusCode.Forbidden) { Error = "access_denied" });
        using var client = new AuthenticationClient(standIn.CreateClientOptions());

        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => client.RevokeTokenAsync("access-token-1"));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("access_denied", error.Error);
        Assert.True(await client.RevokeTokenAsync("access-token-1"));
    }
}
