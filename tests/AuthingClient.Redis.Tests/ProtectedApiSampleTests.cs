using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AuthingClient.Redis.Tests.Support;
using AuthingClient.TestSupport;
using Microsoft.AspNetCore.Builder;
using AuthingClient.Samples.ProtectedApi;

namespace AuthingClient.Redis.Tests;

/// <summary>
/// The samples/ProtectedApi app as a user runs it (configuration from command-line arguments, an ES256
/// public key in a PEM file), started in-process on Kestrel: its endpoints and what Redis failing does to them.
/// </summary>
public sealed class ProtectedApiSampleTests : IDisposable
{
    private readonly AuthingServer _authing = AuthingServer.Answering(AuthingAnswer.Revoked);
    private readonly EcdsaTokens _tokens = new();
    private readonly string _publicKeyFile = Path.GetTempFileName();

    public ProtectedApiSampleTests() => File.WriteAllText(_publicKeyFile, _tokens.PublicKeyPem());

    [Fact]
    public async Task WithoutRedis_MeAnswersTheSubject_LogoutRevokesTheCallersToken_HealthIsOk()
    {
        await using var app = await StartAsync(redis: null);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var token = _tokens.Create(withJwtId: true);

        using var me = await SendAsync(http, HttpMethod.Get, "/me", token);
        var body = await me.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        using var logout = await SendAsync(http, HttpMethod.Post, "/logout", token);
        using var afterLogout = await SendAsync(http, HttpMethod.Get, "/me", token);
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.StartsWith("user-", body!["sub"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(1, _authing.RequestCount);
    }

    [RedisFact]
    public async Task TwoInstancesOnRedis_LogoutOnOneIsRejectedByTheOther_AndStillWorksWhileRedisIsDown()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var first = await StartAsync(redis.Configuration);
        await using var second = await StartAsync(redis.Configuration);
        using var toFirst = new HttpClient { BaseAddress = new Uri(first.Urls.First()) };
        using var toSecond = new HttpClient { BaseAddress = new Uri(second.Urls.First()) };
        var token = _tokens.Create(withJwtId: true);
        var duringOutage = _tokens.Create(withJwtId: true);

        using var logout = await SendAsync(toFirst, HttpMethod.Post, "/logout", token);
        var onSecond = await Eventually.Async(async () => (await SendAsync(toSecond, HttpMethod.Get, "/me", token)).StatusCode, status => status == HttpStatusCode.Unauthorized);
        await redis.KillAsync();
        using var logoutWhileDown = await SendAsync(toFirst, HttpMethod.Post, "/logout", duringOutage);
        using var healthWhileDown = await toSecond.GetAsync(new Uri("/health", UriKind.Relative));
        using var meWhileDown = await SendAsync(toSecond, HttpMethod.Get, "/me", _tokens.Create(withJwtId: true));
        await redis.RestartAsync();

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onSecond);
        Assert.Equal(HttpStatusCode.NoContent, logoutWhileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthWhileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, meWhileDown.StatusCode);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            await Eventually.Async(async () => (await SendAsync(toSecond, HttpMethod.Get, "/me", duringOutage)).StatusCode, status => status == HttpStatusCode.Unauthorized));
    }

    [RedisFact]
    public async Task Health_Is503UntilTheReplicaLoaded()
    {
        var port = RedisProcess.FreePort();
        await using var app = await StartAsync($"127.0.0.1:{port}", "--Authing:RevokedTokens:LoadTimeout=00:00:00");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var before = await http.GetAsync(new Uri("/health", UriKind.Relative));
        await using var redis = await RedisProcess.StartOnAsync(port);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            await Eventually.Async(async () => (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode, status => status == HttpStatusCode.OK));
    }

    [RedisFact]
    public async Task WebhookAndBackChannelLogoutReceivedByOneInstance_AreEnforcedByTheOther()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var first = await StartAsync(redis.Configuration, $"--Authing:Webhook:Secret={RevocationReceivers.WebhookSecret}");
        await using var second = await StartAsync(redis.Configuration, $"--Authing:Webhook:Secret={RevocationReceivers.WebhookSecret}");
        using var toFirst = new HttpClient { BaseAddress = new Uri(first.Urls.First()) };
        using var toSecond = new HttpClient { BaseAddress = new Uri(second.Urls.First()) };
        var (kicked, loggedOut, bystander) = (_tokens.CreateFor("u-kicked"), _tokens.CreateFor("u-logged-out"), _tokens.CreateFor("u-bystander"));
        var logoutClaims = RevocationReceivers.LogoutClaims("u-logged-out");
        logoutClaims["aud"] = AuthingServer.AppId;

        using var delivery = await toFirst.SendAsync(RevocationReceivers.Event("kick", """{"users":[{"id":"u-kicked"}]}"""));
        using var logout = await toFirst.SendAsync(RevocationReceivers.Logout(RevocationReceivers.LogoutToken(_tokens, logoutClaims)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (delivery.StatusCode, logout.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, await Eventually.Async(async () => (await SendAsync(toSecond, HttpMethod.Get, "/me", kicked)).StatusCode, status => status == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Unauthorized, await Eventually.Async(async () => (await SendAsync(toSecond, HttpMethod.Get, "/me", loggedOut)).StatusCode, status => status == HttpStatusCode.Unauthorized));
        using var stillIn = await SendAsync(toSecond, HttpMethod.Get, "/me", bystander);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task WithoutAWebhookSecret_OnlyTheBackChannelLogoutIsMapped()
    {
        await using var app = await StartAsync(redis: null);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var webhook = await http.SendAsync(RevocationReceivers.Event("kick", """{"users":["u-1"]}"""));
        using var logout = await http.SendAsync(RevocationReceivers.Logout("not-a-logout-token"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (webhook.StatusCode, logout.StatusCode));
    }

    public void Dispose()
    {
        _authing.Dispose();
        _tokens.Dispose();
        File.Delete(_publicKeyFile);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private async Task<WebApplication> StartAsync(string? redis, params string[] more)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            $"--Jwt:Issuer={TestTokens.Issuer}",
            $"--Jwt:Audience={TestTokens.Audience}",
            $"--Jwt:PublicKeyFile={_publicKeyFile}",
            $"--Authing:AppHost={_authing.Url}",
            $"--Authing:AppId={AuthingServer.AppId}",
            $"--Authing:AppSecret={AuthingServer.Secret}",
            $"--Authing:RevokedTokens:Redis={redis}",
            "--Authing:RevokedTokens:KeyPrefix=sample-tests",
            .. more,
        ];
        var app = ProtectedApiApp.Build(args);
        await app.StartAsync();
        return app;
    }
}
