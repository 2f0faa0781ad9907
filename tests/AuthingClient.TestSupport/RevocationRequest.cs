using System.Net.Http.Headers;
using System.Text;

namespace AuthingClient.TestSupport;

/// <summary>Builds raw revocation requests, so stand-in tests control every byte a client sends.</summary>
public static class RevocationRequest
{
    public const string OidcPath = "/oidc/token/revocation";
    public const string OAuthPath = "/oauth/token/revocation";

    public static string PathOf(AuthingProtocol protocol) => protocol == AuthingProtocol.OAuth ? OAuthPath : OidcPath;

    public static HttpRequestMessage Form(string path, IEnumerable<KeyValuePair<string, string>> fields, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    /// <summary>A request whose body is exactly <paramref name="rawBody"/>.</summary>
    public static HttpRequestMessage Raw(string path, string rawBody, string contentType = "application/x-www-form-urlencoded")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(rawBody));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    public static Dictionary<string, string> Fields(string token, string? clientId = null, string? clientSecret = null, string? hint = null)
    {
        var fields = new Dictionary<string, string> { ["token"] = token };
        if (clientId is not null)
        {
            fields["client_id"] = clientId;
        }

        if (clientSecret is not null)
        {
            fields["client_secret"] = clientSecret;
        }

        if (hint is not null)
        {
            fields["token_type_hint"] = hint;
        }

        return fields;
    }

    /// <summary>RFC 6749 §2.3.1: id and secret form-encoded, joined by ':', base64.</summary>
    public static string Basic(string clientId, string clientSecret) =>
        BasicUnencoded(FormEncode(clientId), FormEncode(clientSecret));

    /// <summary>The common mistake: id and secret joined without form-encoding them first.</summary>
    public static string BasicUnencoded(string clientId, string clientSecret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + clientSecret));

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
