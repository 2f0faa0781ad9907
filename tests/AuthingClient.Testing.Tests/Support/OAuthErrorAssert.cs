using System.Net;
using System.Text.Json;

namespace AuthingClient.Testing.Tests.Support;

/// <summary>Asserts an RFC 6749 §5.2 error answer: status, JSON content type and error code.</summary>
internal static class OAuthErrorAssert
{
    public static async Task<string> IsErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        return body;
    }
}
