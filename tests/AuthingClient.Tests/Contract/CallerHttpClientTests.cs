using AuthingClient.Tests.Support;

namespace AuthingClient.Tests.Contract;

/// <summary><c>new AuthenticationClient(options, httpClient)</c>: sending through an <see cref="HttpClient"/> the caller owns.</summary>
public sealed class CallerHttpClientTests(RevocationServerFixture server) : ServerContractTests(server)
{
    [Fact]
    public async Task RevokeTokenAsync_CallerHttpClientWithoutBaseAddress_PostsToAppHost()
    {
        Server.AnswerOk();
        using var httpClient = new HttpClient();
        using var client = new AuthenticationClient(TestApp.Options(Server.Url), httpClient);

        await client.RevokeTokenAsync(TestApp.Token);

        Assert.Equal("/oidc/token/revocation", Server.SingleRequest().Path);
    }

    [Fact]
    public async Task Constructor_SharedHttpClientThatAlreadySentARequest_CanStillRevoke()
    {
        Server.AnswerOk();
        using var sharedHttpClient = new HttpClient();
        using (await sharedHttpClient.GetAsync(new Uri(Server.Url + "/health")))
        {
        }

        using var client = new AuthenticationClient(TestApp.Options(Server.Url), sharedHttpClient);

        Assert.True(await client.RevokeTokenAsync(TestApp.Token));
    }

    [Fact]
    public async Task Dispose_CallerHttpClient_IsLeftUsable()
    {
        Server.AnswerOk();
        using var httpClient = new HttpClient();
        new AuthenticationClient(TestApp.Options(Server.Url), httpClient).Dispose();

        using var response = await httpClient.GetAsync(new Uri(Server.Url + "/health"));

        Assert.True(response.IsSuccessStatusCode);
    }
}
