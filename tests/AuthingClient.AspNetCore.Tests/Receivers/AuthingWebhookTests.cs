using System.Net;
using System.Text;
using AuthingClient.TestSupport;
using static AuthingClient.TestSupport.RevocationReceivers;

namespace AuthingClient.AspNetCore.Tests.Receivers;

/// <summary>
/// Issue 18 item 2: Authing's webhook deliveries, as the console sends them, against a real JwtBearer
/// app: every session-ending event revokes its users' tokens issued until then, and nothing else
/// changes anything.
/// </summary>
public sealed class AuthingWebhookTests
{
    private const HttpStatusCode Accepted = HttpStatusCode.OK;
    private const HttpStatusCode Rejected = HttpStatusCode.Unauthorized;

    [Fact]
    public async Task Kick_RevokesEveryListedUsersTokens_OthersAndLaterTokensStillAccepted()
    {
        await using var app = await ReceiverApp.StartAsync();
        var (byId, byUnderscoreId, byUserId, plain) = (app.Tokens.CreateFor("u-1"), app.Tokens.CreateFor("u-2"), app.Tokens.CreateFor("u-3"), app.Tokens.CreateFor("u-4"));
        var bystander = app.Tokens.CreateFor("u-5");
        var signedInAgain = app.Tokens.CreateFor("u-1", issuedAt: DateTimeOffset.UtcNow.AddMinutes(10));

        var status = await app.SendAsync(Event("kick", """{"users":[{"id":"u-1"},{"_id":"u-2"},{"userId":"u-3"},"u-4"]}"""));

        Assert.Equal(Accepted, status);
        Assert.Equal([Rejected, Rejected, Rejected, Rejected, Accepted, Accepted], await app.MeAsync(byId, byUnderscoreId, byUserId, plain, bystander, signedInAgain));
    }

    [Fact]
    public async Task KickFromOneApplication_RevokesThatApplicationsTokensOnly()
    {
        await using var app = await ReceiverApp.StartAsync();
        var atA = app.Tokens.CreateFor("u-1", audience: ReceiverApp.AppA);
        var atB = app.Tokens.CreateFor("u-1", audience: ReceiverApp.AppB);

        var status = await app.SendAsync(Event("kick", $$"""{"users":["u-1"],"application":"{{ReceiverApp.AppA}}"}"""));

        Assert.Equal(Accepted, status);
        Assert.Equal([Rejected, Accepted], await app.MeAsync(atA, atB));
    }

    [Fact]
    public async Task KickWithTheApplicationAsAnObject_IsNarrowedToItsId()
    {
        await using var app = await ReceiverApp.StartAsync();
        var atA = app.Tokens.CreateFor("u-1", audience: ReceiverApp.AppA);
        var atB = app.Tokens.CreateFor("u-1", audience: ReceiverApp.AppB);

        await app.SendAsync(Event("kick", $$$"""{"users":[{"id":"u-1"}],"application":{"id":"{{{ReceiverApp.AppB}}}","name":"B"}}"""));

        Assert.Equal([Accepted, Rejected], await app.MeAsync(atA, atB));
    }

    [Theory]
    [InlineData("""{"users":["u-1"],"application":null}""")]
    [InlineData("""{"users":["u-1"],"application":""}""")]
    [InlineData("""{"users":["u-1"],"application":{"name":"no id"}}""")]
    public async Task KickWithoutAReadableApplication_EndsTheUsersTokensForEveryApplication(string data)
    {
        await using var app = await ReceiverApp.StartAsync();
        var atA = app.Tokens.CreateFor("u-1", audience: ReceiverApp.AppA);
        var atB = app.Tokens.CreateFor("u-1", audience: ReceiverApp.AppB);

        var status = await app.SendAsync(Event("kick", data));

        Assert.Equal(Accepted, status);
        Assert.Equal([Rejected, Rejected], await app.MeAsync(atA, atB));
    }

    [Theory]
    [InlineData("""{"id":"u-1","username":"alice","password":"hash","salt":"salt"}""")]
    [InlineData("""{"user":{"id":"u-1"}}""")]
    [InlineData("""{"userId":"u-1"}""")]
    public async Task PasswordChanged_RevokesTheUsersTokens(string data)
    {
        await using var app = await ReceiverApp.StartAsync();
        var (user, other) = (app.Tokens.CreateFor("u-1"), app.Tokens.CreateFor("u-2"));

        var status = await app.SendAsync(Event("user:password-changed", data));

        Assert.Equal(Accepted, status);
        Assert.Equal([Rejected, Accepted], await app.MeAsync(user, other));
    }

    [Theory]
    [InlineData("user:blocked", """{"user":{"_id":"u-1","blocked":true}}""")]
    [InlineData("user:archived", """{"user":{"userId":"u-1"}}""")]
    [InlineData("user:deleted", """{"users":["u-1","u-3"]}""")]
    [InlineData("user:deleted", """{"users":[{"id":"u-1"}]}""")]
    public async Task BlockedArchivedDeleted_RevokeTheUsersTokens(string eventName, string data)
    {
        await using var app = await ReceiverApp.StartAsync();
        var (user, other) = (app.Tokens.CreateFor("u-1"), app.Tokens.CreateFor("u-2"));

        var status = await app.SendAsync(Event(eventName, data));

        Assert.Equal(Accepted, status);
        Assert.Equal([Rejected, Accepted], await app.MeAsync(user, other));
    }

    [Fact]
    public async Task FormBody_WithDataAsJsonText_RevokesLikeJson()
    {
        await using var app = await ReceiverApp.StartAsync();
        var user = app.Tokens.CreateFor("u-1");
        var form = new FormUrlEncodedContent([new("eventName", "kick"), new("data", """{"users":[{"id":"u-1"}]}""")]);

        var status = await app.SendAsync(Delivery(await form.ReadAsByteArrayAsync(), "application/x-www-form-urlencoded"));

        Assert.Equal(Accepted, status);
        Assert.Equal([Rejected], await app.MeAsync(user));
    }

    [Fact]
    public async Task OlderHeaderName_XAuthingToken_IsAccepted()
    {
        await using var app = await ReceiverApp.StartAsync();
        var user = app.Tokens.CreateFor("u-1");

        var status = await app.SendAsync(Delivery("""{"eventName":"kick","data":{"users":["u-1"]}}""", header: "X-Authing-Token"));

        Assert.Equal(Accepted, status);
        Assert.Equal([Rejected], await app.MeAsync(user));
    }

    [Fact]
    public async Task RepeatedDelivery_IsAcceptedAgainAndChangesNothingMore()
    {
        await using var app = await ReceiverApp.StartAsync();
        var user = app.Tokens.CreateFor("u-1");
        var later = app.Tokens.CreateFor("u-1", issuedAt: DateTimeOffset.UtcNow.AddMinutes(10));

        var first = await app.SendAsync(Event("user:blocked", """{"user":{"id":"u-1"}}"""));
        var again = await app.SendAsync(Event("user:blocked", """{"user":{"id":"u-1"}}"""));

        Assert.Equal((Accepted, Accepted), (first, again));
        Assert.Equal([Rejected, Accepted], await app.MeAsync(user, later));
    }

    public static TheoryData<string, HttpRequestMessage, HttpStatusCode> BadDeliveries()
    {
        const string Kick = """{"eventName":"kick","data":{"users":["u-1"]}}""";
        var oversized = Encoding.UTF8.GetBytes($$$"""{"eventName":"kick","data":{"users":["u-1"],"padding":"{{{new string('x', 1024 * 1024)}}}"}}""");
        return new()
        {
            { "no secret", Delivery(Kick, secret: null), HttpStatusCode.Unauthorized },
            { "wrong secret", Delivery(Kick, secret: "webhook-secret-0123456789abcdeX"), HttpStatusCode.Unauthorized },
            { "wrong secret, other length", Delivery(Kick, secret: "short"), HttpStatusCode.Unauthorized },
            { "secret in another header", Delivery(Kick, header: "Authorization"), HttpStatusCode.Unauthorized },
            { "malformed JSON", Delivery("""{"eventName":"kick","data":{"users":["u-1"]"""), HttpStatusCode.BadRequest },
            { "JSON that is not an object", Delivery("""["kick"]"""), HttpStatusCode.BadRequest },
            { "eventName not a string", Delivery("""{"eventName":7,"data":{}}"""), HttpStatusCode.BadRequest },
            { "kick without users", Delivery("""{"eventName":"kick","data":{}}"""), HttpStatusCode.BadRequest },
            { "kick with a user without an id", Delivery("""{"eventName":"kick","data":{"users":["u-1",{"name":"x"}]}}"""), HttpStatusCode.BadRequest },
            { "malformed form: data not JSON", Delivery("eventName=kick&data=%7Busers", "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest },
            { "malformed form: not UTF-8", Delivery([.. "eventName=kick&data="u8, 0xC3, 0x28], "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest },
            { "oversized", Delivery(oversized), HttpStatusCode.RequestEntityTooLarge },
            { "wrong media type", Delivery(Kick, "text/plain"), HttpStatusCode.UnsupportedMediaType },
            { "JSON in another charset", Delivery(Kick, "application/json; charset=utf-16"), HttpStatusCode.UnsupportedMediaType },
            { "unknown event", Delivery("""{"eventName":"user:updated","data":{"id":"u-1","password":"hash"}}"""), HttpStatusCode.OK },
            { "console test delivery", Delivery("""{"description":"A test from Authing Webhook"}"""), HttpStatusCode.OK },
            { "form test delivery", Delivery("description=A+test+from+Authing+Webhook", "application/x-www-form-urlencoded"), HttpStatusCode.OK },
        };
    }

    [Theory]
    [MemberData(nameof(BadDeliveries))]
    public async Task DeliveryThatEndsNoSession_GetsItsStatus_ChangesNothing_AndTheAppGoesOnServing(string why, HttpRequestMessage delivery, HttpStatusCode expected)
    {
        await using var app = await ReceiverApp.StartAsync();
        var user = app.Tokens.CreateFor("u-1");

        var status = await app.SendAsync(delivery);

        Assert.True(expected == status, $"{why}: expected {expected}, got {status}");
        Assert.Equal([Accepted], await app.MeAsync(user));
    }

    [Fact]
    public async Task OversizedBodyWithoutALength_IsReadNoFurtherThan1MiB_413()
    {
        await using var app = await ReceiverApp.StartAsync();
        var user = app.Tokens.CreateFor("u-1");
        var body = Encoding.UTF8.GetBytes($$$"""{"eventName":"kick","data":{"users":["u-1"],"padding":"{{{new string('x', 2 * 1024 * 1024)}}}"}}""");
        using var delivery = Delivery([]);
        // A stream of unknown length: sent chunked, so only reading can tell the body is too long.
        delivery.Content = new StreamContent(new UnseekableStream(body));
        delivery.Content.Headers.ContentType = new("application/json");

        var status = await app.SendAsync(delivery);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal([Accepted], await app.MeAsync(user));
    }

    [Fact]
    public async Task Logs_OneInformationLinePerAcceptedDelivery_AWarningForAWrongSecret_NeverTheBodySecretOrIds()
    {
        await using var app = await ReceiverApp.StartAsync();
        const string Profile = """{"id":"u-1","password":"$2a$10$passwordHashValue","salt":"saltValue42","token":"eyJhbGciOiJIUzI1NiJ9.profileToken.sig"}""";
        const string WrongSecret = "a-wrong-secret-guessed-0123456789";

        await app.SendAsync(Event("user:password-changed", Profile));
        await app.SendAsync(Event("user:updated", Profile));
        await app.SendAsync(Delivery("""{"eventName":"kick","data":{"users":["u-1"]}}""", secret: WrongSecret));
        await app.SendAsync(Delivery("""{"eventName":"kick","data":{"users":["u-1"],"password":"$2a$10$passwordHashValue" """));

        var information = app.Log.Lines.Where(line => line.Level == Microsoft.Extensions.Logging.LogLevel.Information && line.EventName == "AuthingWebhookAccepted").ToList();
        Assert.Single(information);
        Assert.Contains("user:password-changed", information[0].Text, StringComparison.Ordinal);
        Assert.Contains("1 users", information[0].Text, StringComparison.Ordinal);
        Assert.Contains(app.Log.Lines, line => line.EventName == "AuthingWebhookWrongSecret" && line.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        foreach (var secret in new[] { WebhookSecret, WrongSecret, "passwordHashValue", "saltValue42", "profileToken" })
        {
            Assert.False(app.Log.Contains(secret), $"a log line holds {secret}:{Environment.NewLine}{app.Log}");
        }

        Assert.DoesNotContain(app.Log.Lines, line => line.Level >= Microsoft.Extensions.Logging.LogLevel.Information && line.Text.Contains("u-1", StringComparison.Ordinal));
    }

    /// <summary>A body whose length HttpClient cannot know in advance.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
