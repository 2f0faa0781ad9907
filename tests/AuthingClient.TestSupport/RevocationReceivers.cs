using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.TestSupport;

/// <summary>
/// The two revocation receivers as the tests mount them (the Authing webhook and OIDC back-channel
/// logout on a <see cref="ProtectedApi"/>), and the requests an Authing console or an identity
/// provider would send them.
/// </summary>
public static class RevocationReceivers
{
    public const string WebhookPath = "/authing/events";
    public const string BackChannelLogoutPath = "/backchannel-logout";
    public const string WebhookSecret = "webhook-secret-0123456789abcdef";
    public const string ClientId = "backchannel-client";
    public const string BackChannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>Registers both receivers; revocations name <see cref="TestTokens.Issuer"/>.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddAuthingWebhook(o =>
        {
            o.Secret = WebhookSecret;
            o.Issuer = TestTokens.Issuer;
        });
        services.AddAuthingBackChannelLogout(o => o.ClientId = ClientId);
    }

    public static void Map(WebApplication app)
    {
        app.MapAuthingWebhook(WebhookPath);
        app.MapBackChannelLogout(BackChannelLogoutPath);
    }

    /// <summary>A webhook delivery as Authing posts it: the body as given, the secret in <paramref name="header"/> (none when null).</summary>
    public static HttpRequestMessage Delivery(string body, string mediaType = "application/json", string? secret = WebhookSecret, string header = "x-authing-webhook-secret") =>
        Delivery(Encoding.UTF8.GetBytes(body), mediaType, secret, header);

    public static HttpRequestMessage Delivery(byte[] body, string mediaType = "application/json", string? secret = WebhookSecret, string header = "x-authing-webhook-secret")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WebhookPath, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        request.Headers.TryAddWithoutValidation("User-Agent", "authing-webhook@2.0");
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation(header, secret);
        }

        return request;
    }

    /// <summary>A JSON delivery of <paramref name="eventName"/> with <paramref name="data"/> (any JSON value, as text).</summary>
    public static HttpRequestMessage Event(string eventName, string data) =>
        Delivery($$"""{"eventName":{{JsonSerializer.Serialize(eventName)}},"data":{{data}}}""");

    /// <summary>A back-channel logout request as a provider posts it.</summary>
    public static HttpRequestMessage Logout(string logoutToken) =>
        new(HttpMethod.Post, new Uri(BackChannelLogoutPath, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("logout_token", logoutToken)]),
        };

    /// <summary>
    /// The claims of a valid logout token for <paramref name="subject"/> (addressed to <see cref="ClientId"/>,
    /// issued now, expiring in two minutes), for a test to change one of before signing.
    /// </summary>
    public static Dictionary<string, object?> LogoutClaims(string? subject)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = TestTokens.Issuer,
            ["aud"] = ClientId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(2).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["events"] = new Dictionary<string, object> { [BackChannelLogoutEvent] = new Dictionary<string, object>() },
        };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        return claims;
    }

    /// <summary>A logout token signed by <paramref name="tokens"/>' key with <paramref name="claims"/> and <c>typ</c> <paramref name="type"/>.</summary>
    public static string LogoutToken(EcdsaTokens tokens, Dictionary<string, object?> claims, string? type = "logout+jwt") =>
        tokens.Sign(JsonSerializer.Serialize(claims), type);
}
