using System.Net;
using AuthingClient.Testing.Tests.Support;
using AuthingClient.TestSupport;
using AuthingClient.Testing;

namespace AuthingClient.Testing.Tests;

public class AuthingStandInWithAuthenticationClientTests
{
    [Theory]
    [MemberData(nameof(StandInMatrix.SupportedCombinations), MemberType = typeof(StandInMatrix))]
    public async Task StandIn_ClientConfiguredFromIt_RevokesAndTheStandInShowsTheTokenRevoked(AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        using var standIn = AuthingStandIn.Start(new AuthingStandInOptions { Protocol = protocol, RevocationEndPointAuthMethod = method });
        using var client = new AuthenticationClient(standIn.CreateClientOptions());

        var revoked = await client.RevokeTokenAsync("access-token-1");

        Assert.True(revoked);
        Assert.True(standIn.IsRevoked("access-token-1"));
    }

    [Fact]
    public async Task StandIn_AwkwardTokenThroughTheClient_RoundTripsExactly()
    {
        const string awkward = "a+b/c=d&e f%g~ü";
        using var standIn = AuthingStandIn.Start();
        using var client = new AuthenticationClient(standIn.CreateClientOptions());

        Assert.True(await client.RevokeTokenAsync(awkward));

        Assert.Equal([awkward], standIn.RevokedTokens);
    }

    [Fact]
    public async Task StandIn_SecretWithReservedCharacters_WorksWithClientSecretBasic()
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
    public async Task StandIn_ClientWithTheWrongSecret_GetsA401InvalidClientException()
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
    public async Task StandIn_QueuedNonRetryableFault_ReachesTheClientAsAnExceptionWithItsStatusAndError()
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
