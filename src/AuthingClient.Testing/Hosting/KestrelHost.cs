using System.Net;
using System.Text;
using AuthingClient.Testing.Revocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Testing.Hosting;

/// <summary>
/// Serves a <see cref="RevocationEndpoint"/> over real HTTP with Kestrel from the ASP.NET Core
/// shared framework: one request delegate hands every request to the endpoint's own code, so routing
/// and the protocol rules live in one place. No middleware, no routing, no logging providers: the
/// smallest server that speaks real HTTP/1.1, and nothing to ship beside the shared framework.
/// </summary>
internal sealed class KestrelHost : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly WebApplication _app;

    private KestrelHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri Url { get; }

    public static KestrelHost Start(RevocationEndpoint endpoint)
    {
        // The empty builder reads no configuration files or environment variables and registers no
        // logging providers: requests carry tokens and client secrets, and nothing is logged.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            // Loopback only, on a port the OS picks: nothing is reachable from other machines and
            // parallel test runs never collide.
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });

        var app = builder.Build();
        app.Run(context => ServeAsync(endpoint, context));
        try
        {
            // The stand-in starts synchronously (AuthingStandIn.Start); binding a loopback socket is quick.
            app.StartAsync().GetAwaiter().GetResult();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new KestrelHost(app, new Uri(address, UriKind.Absolute));
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }

    private static async Task ServeAsync(RevocationEndpoint endpoint, HttpContext context)
    {
        var request = await ToEndpointRequestAsync(context.Request).ConfigureAwait(false);
        var response = await endpoint.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.JsonBody is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Utf8.GetBytes(json), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<EndpointRequest> ToEndpointRequestAsync(HttpRequest request)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.Select(value => value ?? string.Empty).ToArray();
        }

        // The endpoint reads the raw body itself (FormBody), exactly as sent.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return new EndpointRequest(request.Method, request.Path.Value ?? string.Empty, headers, body.ToArray());
    }
}
