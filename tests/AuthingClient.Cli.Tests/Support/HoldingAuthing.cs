using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Cli.Tests.Support;

/// <summary>
/// A loopback revocation endpoint on Kestrel that answers 200 to the first <c>answered</c> requests
/// and holds every later one without an answer until <see cref="Release"/>: a CLI killed once
/// <see cref="Holding"/> completes has exactly the held requests (and answers still on their way)
/// in flight. Counts every request.
/// </summary>
internal sealed class HoldingAuthing : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _answered;
    private int _requests;

    private HoldingAuthing(int answered)
    {
        _answered = answered;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(ServeAsync);
    }

    public string Url { get; private set; } = string.Empty;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Completes when the first request beyond the answered ones arrives.</summary>
    public Task Holding => _holding.Task;

    public static async Task<HoldingAuthing> StartAsync(int answered)
    {
        var server = new HoldingAuthing(answered);
        await server._app.StartAsync();
        server.Url = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    /// <summary>Answers the held requests (their client is gone) and every later one.</summary>
    public void Release() => _released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        if (Interlocked.Increment(ref _requests) > _answered && !_released.Task.IsCompleted)
        {
            _holding.TrySetResult();
            await _released.Task;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
