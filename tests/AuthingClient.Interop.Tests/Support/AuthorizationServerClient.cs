using System.Net;
using System.Text.Json;
using AuthingClient.Interop.Tests.Server;

namespace AuthingClient.Interop.Tests.Support;

/// <summary>Tokens the server issued in one token response.</summary>
public sealed record IssuedTokens(string AccessToken, string? RefreshToken, string? IdentityToken);

/// <summary>The token endpoint's answer to a grant: the status, and the OAuth error or the new access token.</summary>
public sealed record TokenEndpointAnswer(HttpStatusCode StatusCode, string? Error, string? AccessToken);

/// <summary>
/// Plain OAuth calls to the test server's token and introspection endpoints, written by hand
/// (not through the library under test), so a library bug cannot hide itself in the checks.
/// </summary>
public sealed class AuthorizationServerClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    /// <summary>The password grant for the test user; with <c>offline_access</c> a refresh token comes too.</summary>
    public async Task<IssuedTokens> IssueTokensAsync(RegisteredClient client, string scope = "offline_access")
    {
        using var response = await PostAsync(AuthorizationServerFixture.TokenPath, client, new()
        {
            ["grant_type"] = "password",
            ["username"] = TokenIssuance.UserName,
            ["password"] = TokenIssuance.Password,
            ["scope"] = scope,
        });
        using var json = await ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"The password grant failed for {client.ClientId}: HTTP {(int)response.StatusCode} {json.RootElement}");
        return new IssuedTokens(
            json.RootElement.GetProperty("access_token").GetString()!,
            StringOrNull(json.RootElement, "refresh_token"),
            StringOrNull(json.RootElement, "id_token"));
    }

    /// <summary>Redeems a refresh token (RFC 6749 §6).</summary>
    public async Task<TokenEndpointAnswer> RedeemRefreshTokenAsync(RegisteredClient client, string refreshToken)
    {
        using var response = await PostAsync(AuthorizationServerFixture.TokenPath, client, new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        });
        using var json = await ReadJsonAsync(response);
        return new TokenEndpointAnswer(response.StatusCode, StringOrNull(json.RootElement, "error"), StringOrNull(json.RootElement, "access_token"));
    }

    /// <summary>Asks the resource server's question (RFC 7662): is this access token active?</summary>
    public async Task<bool> IsAccessTokenActiveAsync(string accessToken)
    {
        using var response = await PostAsync(AuthorizationServerFixture.IntrospectionPath, RegisteredClient.ResourceServer, new()
        {
            ["token"] = accessToken,
            ["token_type_hint"] = "access_token",
        });
        using var json = await ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"Introspection failed: HTTP {(int)response.StatusCode} {json.RootElement}");
        return json.RootElement.GetProperty("active").GetBoolean();
    }

    public void Dispose() => _http.Dispose();

    // The token and introspection endpoints get client_secret_post from every confidential client:
    // the revocation method under test is the library's business, not these helpers'.
    private Task<HttpResponseMessage> PostAsync(string path, RegisteredClient client, Dictionary<string, string> form)
    {
        form["client_id"] = client.ClientId;
        if (client.ClientSecret is { } secret)
        {
            form["client_secret"] = secret;
        }

        return _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
