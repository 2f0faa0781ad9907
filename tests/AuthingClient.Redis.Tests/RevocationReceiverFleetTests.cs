using System.Net;
using AuthingClient.Redis.Tests.Support;
using AuthingClient.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static AuthingClient.TestSupport.RevocationReceivers;

namespace AuthingClient.Redis.Tests;

/// <summary>
/// Issue 18: revocations made outside this library — an Authing webhook delivery, an OIDC
/// back-channel logout — received by one instance of a farm on a real redis-server, and enforced by
/// every other instance and by one that starts later.
/// </summary>
public sealed class RevocationReceiverFleetTests : IDisposable
{
    private const HttpStatusCode Accepted = HttpStatusCode.OK;
    private const HttpStatusCode Rejected = HttpStatusCode.Unauthorized;

    private readonly AuthingServer _authing = AuthingServer.Answering(AuthingAnswer.Revoked);
    private readonly EcdsaTokens _tokens = new();
    private readonly CapturedLogLines _receiverLog = new();

    [RedisFact]
    public async Task KickReceivedByOneInstance_IsEnforcedByAnotherAndByALateOne_OtherUsersAndLaterTokensAccepted()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var receiver = await StartReceiverAsync(redis.Configuration);
        await using var other = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var (kicked, bystander) = (_tokens.CreateFor("u-1"), _tokens.CreateFor("u-2"));
        var signedInAgain = _tokens.CreateFor("u-1", issuedAt: DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Equal(Accepted, await other.GetMeAsync(kicked));

        using var delivery = await receiver.SendAsync(Event("kick", """{"users":[{"id":"u-1"}]}"""));

        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        Assert.Equal(Rejected, await receiver.GetMeAsync(kicked));
        Assert.Equal(Rejected, await other.EventuallyAsync(kicked, Rejected));
        await using var late = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        Assert.Equal(Rejected, await late.GetMeAsync(kicked));
        Assert.Equal((Accepted, Accepted), (await other.GetMeAsync(bystander), await late.GetMeAsync(bystander)));
        Assert.Equal((Accepted, Accepted), (await other.GetMeAsync(signedInAgain), await late.GetMeAsync(signedInAgain)));
    }

    [RedisFact]
    public async Task EverySessionEndingEvent_ReceivedByOneInstance_IsEnforcedByAnother()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var receiver = await StartReceiverAsync(redis.Configuration);
        await using var other = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        (string EventName, string Data, string User)[] deliveries =
        [
            ("kick", """{"users":["u-kick"]}""", "u-kick"),
            ("user:password-changed", """{"id":"u-password","password":"hash","salt":"salt"}""", "u-password"),
            ("user:blocked", """{"user":{"_id":"u-blocked"}}""", "u-blocked"),
            ("user:archived", """{"user":{"userId":"u-archived"}}""", "u-archived"),
            ("user:deleted", """{"users":["u-deleted"]}""", "u-deleted"),
        ];
        var tokens = deliveries.Select(d => _tokens.CreateFor(d.User)).ToList();

        var statuses = new List<HttpStatusCode>();
        foreach (var (eventName, data, _) in deliveries)
        {
            using var response = await receiver.SendAsync(Event(eventName, data));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        foreach (var token in tokens)
        {
            Assert.Equal(Rejected, await other.EventuallyAsync(token, Rejected));
        }
    }

    [RedisFact]
    public async Task KickFromAnotherApplication_LeavesThisApplicationsTokensAcceptedEverywhere()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var receiver = await StartReceiverAsync(redis.Configuration);
        await using var other = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var (keptUser, kickedUser) = (_tokens.CreateFor("u-1"), _tokens.CreateFor("u-2"));

        using var fromOtherApp = await receiver.SendAsync(Event("kick", """{"users":["u-1"],"application":"another-app"}"""));
        using var fromThisApp = await receiver.SendAsync(Event("kick", $$"""{"users":["u-2"],"application":"{{TestTokens.Audience}}"}"""));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fromOtherApp.StatusCode, fromThisApp.StatusCode));
        // The second revocation reached the other instance, so the first (earlier in the log) did too.
        Assert.Equal(Rejected, await other.EventuallyAsync(kickedUser, Rejected));
        Assert.Equal((Accepted, Accepted), (await other.GetMeAsync(keptUser), await receiver.GetMeAsync(keptUser)));
    }

    [RedisFact]
    public async Task BackChannelLogout_BySubAndBySid_ReceivedByOneInstance_IsEnforcedByAnotherAndALateOne()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var receiver = await StartReceiverAsync(redis.Configuration);
        await using var other = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var user = _tokens.CreateFor("u-1");
        var (session, otherSession) = (_tokens.CreateFor("u-2", sessionId: "s-1"), _tokens.CreateFor("u-2", sessionId: "s-2"));
        var sessionClaims = LogoutClaims(subject: null);
        sessionClaims["sid"] = "s-1";

        using var bySub = await receiver.SendAsync(Logout(LogoutToken(_tokens, LogoutClaims("u-1"))));
        using var bySid = await receiver.SendAsync(Logout(LogoutToken(_tokens, sessionClaims)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (bySub.StatusCode, bySid.StatusCode));
        Assert.Equal(Rejected, await other.EventuallyAsync(user, Rejected));
        Assert.Equal(Rejected, await other.EventuallyAsync(session, Rejected));
        Assert.Equal(Accepted, await other.GetMeAsync(otherSession));
        await using var late = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        Assert.Equal((Rejected, Rejected, Accepted), (await late.GetMeAsync(user), await late.GetMeAsync(session), await late.GetMeAsync(otherSession)));
    }

    [RedisFact]
    public async Task BadDeliveriesAndForgedLogoutTokens_ChangeNothingAnywhere_AndNoLogLineHoldsASecret()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var receiver = await StartReceiverAsync(redis.Configuration);
        await using var other = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);
        var user = _tokens.CreateFor("u-1");
        using var forger = new EcdsaTokens();
        var forged = LogoutToken(forger, LogoutClaims("u-1"));
        const string Profile = """{"id":"u-1","password":"$2a$10$fleetPasswordHash","salt":"fleetSalt","token":"fleet.access.token"}""";

        var statuses = new List<HttpStatusCode>();
        foreach (var request in new[]
        {
            Delivery($$"""{"eventName":"user:password-changed","data":{{Profile}}}""", secret: "wrong-secret-0123456789"),
            Delivery("""{"eventName":"kick","data":{"users":["u-1"]"""),
            Delivery("""{"eventName":"kick","data":{"users":["u-1"]}}""", "text/plain"),
            Event("user:updated", Profile),
            Logout(forged),
        })
        {
            using (request)
            using (var response = await receiver.SendAsync(request))
            {
                statuses.Add(response.StatusCode);
            }
        }

        // A marker revocation made after them: once it has arrived, so would anything they had made.
        var marker = _tokens.CreateFor("u-marker");
        using var markerDelivery = await receiver.SendAsync(Event("user:blocked", """{"user":{"id":"u-marker"}}"""));
        Assert.Equal(Rejected, await other.EventuallyAsync(marker, Rejected));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.OK, HttpStatusCode.BadRequest], statuses);
        Assert.Equal((Accepted, Accepted), (await receiver.GetMeAsync(user), await other.GetMeAsync(user)));
        foreach (var secret in new[] { WebhookSecret, "wrong-secret-0123456789", "fleetPasswordHash", "fleetSalt", "fleet.access.token", forged.Split('.')[1], forged.Split('.')[2] })
        {
            Assert.False(_receiverLog.Contains(secret) || other.Log.ToString().Contains(secret, StringComparison.Ordinal), $"a log line holds {secret}");
        }
    }

    public void Dispose()
    {
        _authing.Dispose();
        _tokens.Dispose();
    }

    /// <summary>An instance of the same farm (same Redis, same key prefix as <see cref="FleetInstance"/>) with both receivers mapped.</summary>
    private Task<ProtectedApi> StartReceiverAsync(string redis) => ProtectedApi.StartAsync(
        services =>
        {
            services.AddLogging(logging => logging.AddProvider(_receiverLog).SetMinimumLevel(LogLevel.Trace));
            services.AddAuthingAuthenticationClient(o => _authing.Configure(o));
            services.AddAuthingRedisRevokedTokenRegistry(o =>
            {
                o.Redis = redis;
                o.KeyPrefix = "fleet-tests";
                o.LoadTimeout = TimeSpan.FromSeconds(10);
            });
            Register(services);
        },
        jwtBearer => jwtBearer.TokenValidationParameters = _tokens.ValidationParameters(),
        Map);
}
