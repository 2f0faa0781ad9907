using System.Net;
using System.Text;
using System.Text.Json;
using AuthingClient.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using static AuthingClient.TestSupport.RevocationReceivers;

namespace AuthingClient.AspNetCore.Tests.Receivers;

/// <summary>
/// Issue 18 item 3: OpenID Connect Back-Channel Logout 1.0 against a real JwtBearer app. A logout
/// token that validates ends the user's or the session's tokens; a token that breaks any one rule of
/// §2.6 gets 400 <c>invalid_request</c> and changes nothing.
/// </summary>
public sealed class BackChannelLogoutTests
{
    private const HttpStatusCode Accepted = HttpStatusCode.OK;
    private const HttpStatusCode Rejected = HttpStatusCode.Unauthorized;

    [Fact]
    public async Task ValidLogoutTokenWithSub_200NoStore_EndsEveryTokenOfTheUserIssuedUntilThen()
    {
        await using var app = await ReceiverApp.StartAsync();
        var (user, other) = (app.Tokens.CreateFor("u-1", sessionId: "s-1"), app.Tokens.CreateFor("u-2"));
        var signedInAgain = app.Tokens.CreateFor("u-1", issuedAt: DateTimeOffset.UtcNow.AddMinutes(10));

        using var response = await app.Api.SendAsync(Logout(LogoutToken(app.Tokens, LogoutClaims("u-1"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal([Rejected, Accepted, Accepted], await app.MeAsync(user, other, signedInAgain));
    }

    [Fact]
    public async Task SidOnly_EndsThatSessionsTokens_NotTheUsersOtherSessions()
    {
        await using var app = await ReceiverApp.StartAsync();
        var (session1, session2, noSid) = (app.Tokens.CreateFor("u-1", sessionId: "s-1"), app.Tokens.CreateFor("u-1", sessionId: "s-2"), app.Tokens.CreateFor("u-1"));
        var claims = LogoutClaims(subject: null);
        claims["sid"] = "s-1";

        var status = await app.SendAsync(Logout(LogoutToken(app.Tokens, claims)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Rejected, Accepted, Accepted], await app.MeAsync(session1, session2, noSid));
    }

    [Fact]
    public async Task SubAndSid_EndBoth_TheSessionAndTheUsersTokensWithoutASid()
    {
        await using var app = await ReceiverApp.StartAsync();
        var (session1, noSid, otherUserSameSid) = (app.Tokens.CreateFor("u-1", sessionId: "s-1"), app.Tokens.CreateFor("u-1"), app.Tokens.CreateFor("u-2", sessionId: "s-1"));
        var claims = LogoutClaims("u-1");
        claims["sid"] = "s-1";

        var status = await app.SendAsync(Logout(LogoutToken(app.Tokens, claims)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Rejected, Rejected, Rejected], await app.MeAsync(session1, noSid, otherUserSameSid));
    }

    [Fact]
    public async Task NoExp_IsAcceptedWhileIatIsRecent()
    {
        await using var app = await ReceiverApp.StartAsync();
        var user = app.Tokens.CreateFor("u-1");
        var claims = LogoutClaims("u-1");
        claims.Remove("exp");

        var status = await app.SendAsync(Logout(LogoutToken(app.Tokens, claims)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Rejected], await app.MeAsync(user));
    }

    [Theory]
    [InlineData("logout+jwt")]
    [InlineData("application/logout+jwt")]
    [InlineData("LOGOUT+JWT")]
    [InlineData(null)]
    public async Task TypLogoutJwtOrAbsent_IsAccepted(string? type)
    {
        await using var app = await ReceiverApp.StartAsync();

        var status = await app.SendAsync(Logout(LogoutToken(app.Tokens, LogoutClaims("u-1"), type)));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>Each case breaks exactly one rule of a token that is otherwise valid.</summary>
    public static TheoryData<string> BrokenRules() =>
    [
        "bad signature", "wrong iss", "wrong aud", "no iat", "stale iat", "iat in the future", "expired", "no jti",
        "no events", "events not an object", "events member not an object", "events without the logout member",
        "neither sub nor sid", "sub not a string", "nonce present", "wrong typ", "alg none", "repeated claim",
    ];

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task LogoutTokenBreakingOneRule_400InvalidRequestNoStore_NothingChanged(string rule)
    {
        await using var app = await ReceiverApp.StartAsync();
        var user = app.Tokens.CreateFor("u-1");
        using var forger = new EcdsaTokens();

        using var response = await app.Api.SendAsync(Logout(Broken(rule, app.Tokens, forger)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("""{"error":"invalid_request"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal([Accepted], await app.MeAsync(user));
    }

    public static TheoryData<string, HttpRequestMessage> MalformedRequests()
    {
        HttpRequestMessage Post(string body, string mediaType) => new(HttpMethod.Post, new Uri(BackChannelLogoutPath, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        };

        return new()
        {
            { "JSON instead of a form", Post("""{"logout_token":"x"}""", "application/json") },
            { "no logout_token", Post("token=abc", "application/x-www-form-urlencoded") },
            { "two logout_tokens", Post("logout_token=a&logout_token=b", "application/x-www-form-urlencoded") },
            { "not a JWT", Post("logout_token=not-a-jwt", "application/x-www-form-urlencoded") },
            { "oversized", Post("logout_token=" + new string('a', 70 * 1024), "application/x-www-form-urlencoded") },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task RequestThatIsNoLogoutRequest_400InvalidRequest(string why, HttpRequestMessage request)
    {
        await using var app = await ReceiverApp.StartAsync();

        using (request)
        using (var response = await app.Api.SendAsync(request))
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
            Assert.Equal("""{"error":"invalid_request"}""", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task SchemeWhoseSignatureValidatorAcceptsAnything_AnUnsignedLogoutTokenIsStillRefused()
    {
        await using var app = await ReceiverApp.StartAsync(jwtBearer: (o, _) =>
            o.TokenValidationParameters.SignatureValidator = (token, _) => new JsonWebToken(token));
        var user = app.Tokens.CreateFor("u-1");

        var status = await app.SendAsync(Logout(EcdsaTokens.WithoutSignature(JsonSerializer.Serialize(LogoutClaims("u-1")), "logout+jwt")));

        Assert.Equal((HttpStatusCode.BadRequest, Accepted), (status, (await app.MeAsync(user))[0]));
    }

    [Fact]
    public async Task SchemeWithMetadata_LogoutTokensValidateAgainstItsIssuerAndKeys()
    {
        await using var app = await ReceiverApp.StartAsync(jwtBearer: (o, tokens) =>
        {
            // What an Authority gives JwtBearer, without the network: the issuer and keys come from metadata only.
            o.TokenValidationParameters.ValidIssuer = null;
            o.TokenValidationParameters.IssuerSigningKey = null;
            o.Configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
            o.Configuration.SigningKeys.Add(tokens.SigningKey);
        });
        var user = app.Tokens.CreateFor("u-1");
        using var forger = new EcdsaTokens();

        var forged = await app.SendAsync(Logout(LogoutToken(forger, LogoutClaims("u-1"))));
        var valid = await app.SendAsync(Logout(LogoutToken(app.Tokens, LogoutClaims("u-1"))));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (forged, valid));
        Assert.Equal([Rejected], await app.MeAsync(user));
    }

    [Fact]
    public async Task NoLogLineHoldsTheLogoutToken()
    {
        await using var app = await ReceiverApp.StartAsync();
        var valid = LogoutToken(app.Tokens, LogoutClaims("u-1"));
        using var forger = new EcdsaTokens();
        var forged = LogoutToken(forger, LogoutClaims("u-1"));

        await app.SendAsync(Logout(valid));
        await app.SendAsync(Logout(forged));

        Assert.Contains(app.Log.Lines, line => line.EventName == "BackChannelLogoutAccepted");
        Assert.Contains(app.Log.Lines, line => line.EventName == "BackChannelLogoutRefused");
        foreach (var token in new[] { valid, forged })
        {
            Assert.False(app.Log.Contains(token.Split('.')[1]), app.Log.ToString());
            Assert.False(app.Log.Contains(token.Split('.')[2]), app.Log.ToString());
        }
    }

    private static string Broken(string rule, EcdsaTokens tokens, EcdsaTokens forger)
    {
        var claims = LogoutClaims("u-1");
        var now = DateTimeOffset.UtcNow;
        switch (rule)
        {
            case "bad signature": return LogoutToken(forger, claims);
            case "wrong iss": claims["iss"] = "https://elsewhere.authing.cn/oidc"; break;
            case "wrong aud": claims["aud"] = "another-client"; break;
            case "no iat": claims.Remove("iat"); break;
            case "stale iat": claims["iat"] = now.AddHours(-1).ToUnixTimeSeconds(); break;
            case "iat in the future": claims["iat"] = now.AddHours(1).ToUnixTimeSeconds(); claims["exp"] = now.AddHours(2).ToUnixTimeSeconds(); break;
            case "expired": claims["exp"] = now.AddMinutes(-10).ToUnixTimeSeconds(); break;
            case "no exp": claims.Remove("exp"); break;
            case "no jti": claims.Remove("jti"); break;
            case "no events": claims.Remove("events"); break;
            case "events not an object": claims["events"] = new[] { BackChannelLogoutEvent }; break;
            case "events member not an object": claims["events"] = new Dictionary<string, object> { [BackChannelLogoutEvent] = "yes" }; break;
            case "events without the logout member": claims["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/other"] = new Dictionary<string, object>() }; break;
            case "neither sub nor sid": claims.Remove("sub"); break;
            case "sub not a string": claims["sub"] = 42; break;
            case "nonce present": claims["nonce"] = "n-0S6_WzA2Mj"; break;
            case "wrong typ": return LogoutToken(tokens, claims, "at+jwt");
            case "alg none": return EcdsaTokens.WithoutSignature(JsonSerializer.Serialize(claims), "logout+jwt");
            case "repeated claim":
                var json = JsonSerializer.Serialize(claims);
                return tokens.Sign(json[..^1] + ""","sub":"u-2"}""", "logout+jwt");
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, "no such rule");
        }

        return LogoutToken(tokens, claims);
    }
}
