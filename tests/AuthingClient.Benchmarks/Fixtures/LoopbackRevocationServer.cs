using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Benchmarks.Fixtures;

/// <summary>
/// The smallest Kestrel server that plays the revocation endpoint: POST /oidc/token/revocation
/// answers an empty 200, anything else 404. Listens on 127.0.0.1 only, on a free port. No routing,
/// no logging: the server's own cost is as small as possible, since it shares the cores with the
/// client being measured.
/// </summary>
public sealed class LoopbackRevocationServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackRevocationServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public Uri BaseAddress { get; }

    public Uri RevocationUri => new(BaseAddress, RevocationFixture.RevocationPath);

    /// <summary>Cancelled when the host is asked to stop (SIGTERM, Ctrl+C: the host's console lifetime takes those signals).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<LoopbackRevocationServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(static context =>
        {
            var request = context.Request;
            context.Response.StatusCode = HttpMethods.IsPost(request.Method) && request.Path == RevocationFixture.RevocationPath
                ? StatusCodes.Status200OK
                : StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackRevocationServer(app, new Uri(address.TrimEnd('/'), UriKind.Absolute));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
