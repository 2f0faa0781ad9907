using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthingClient.TestSupport;

/// <summary>
/// A real ASP.NET Core app on 127.0.0.1 (Kestrel, a port the OS picks) that validates bearer JWTs
/// locally with JwtBearer and <c>AddAuthingRevocationCheck</c>. <c>GET /me</c> needs a valid token;
/// <c>GET /why</c> (anonymous) tells why the token was refused. A test may map more endpoints (the
/// revocation receivers).
/// </summary>
public sealed class ProtectedApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private ProtectedApi(WebApplication app)
    {
        _app = app;
        _http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts an app; <paramref name="services"/> adds what the test needs (the Authing client, a registry…),
    /// <paramref name="endpoints"/> maps endpoints beside <c>/me</c> and <c>/why</c>.
    /// </summary>
    public static async Task<ProtectedApi> StartAsync(Action<IServiceCollection>? services = null, Action<JwtBearerOptions>? jwtBearer = null, Action<WebApplication>? endpoints = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = TestTokens.ValidationParameters();
                jwtBearer?.Invoke(options);
            })
            .AddAuthingRevocationCheck();
        builder.Services.AddAuthorization();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) => user.FindFirst("sub")?.Value).RequireAuthorization();
        app.MapGet("/why", async (HttpContext context) => (await context.AuthenticateAsync()).Failure?.Message ?? "(no failure)");
        endpoints?.Invoke(app);
        await app.StartAsync();
        return new ProtectedApi(app);
    }

    /// <summary>The app's own <see cref="AuthenticationClient"/> (registered by the test's <c>services</c>).</summary>
    public AuthenticationClient AuthingClient() => Services.GetRequiredService<AuthenticationClient>();

    /// <summary>Sends a request of the test's own to the app (a receiver's endpoint).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public async Task<HttpStatusCode> GetMeAsync(string token)
    {
        using var response = await SendAsync("/me", token);
        return response.StatusCode;
    }

    /// <summary>Why the app refuses <paramref name="token"/>, as its authentication handler says.</summary>
    public async Task<string> WhyAsync(string token)
    {
        using var response = await SendAsync("/why", token);
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }
}
