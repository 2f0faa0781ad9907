using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.AspNetCore;

/// <summary>
/// Wraps the events a JwtBearer scheme already had, whether set as an instance
/// (<see cref="JwtBearerOptions.Events"/>, delegates or a subclass) or as a type resolved per request
/// (<see cref="Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions.EventsType"/>): every
/// event goes to them first; after <see cref="TokenValidated"/> the revocation check runs, unless
/// their handler already failed the request.
/// </summary>
internal sealed class RevocationCheckingJwtBearerEvents : JwtBearerEvents
{
    private readonly JwtBearerEvents _events;
    private readonly Type? _eventsType;

    private RevocationCheckingJwtBearerEvents(JwtBearerEvents? events, Type? eventsType)
    {
        _events = events ?? new JwtBearerEvents();
        _eventsType = eventsType;
    }

    /// <summary>Installs the check on one scheme's options; a second install is a no-op.</summary>
    public static void Install(JwtBearerOptions options)
    {
        if (options.Events is RevocationCheckingJwtBearerEvents)
        {
            return;
        }

        options.Events = new RevocationCheckingJwtBearerEvents(options.Events, options.EventsType);
        options.EventsType = null;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        await ForwardAsync(context.HttpContext, events => events.TokenValidated(context), () => base.TokenValidated(context)).ConfigureAwait(false);
        if (context.Result is { Succeeded: false })
        {
            // The application's own handler failed the request (or asked for no result): keep its verdict.
            return;
        }

        await RevocationCheck.RunAsync(context).ConfigureAwait(false);
    }

    public override Task MessageReceived(MessageReceivedContext context) =>
        ForwardAsync(context.HttpContext, events => events.MessageReceived(context), () => base.MessageReceived(context));

    public override Task AuthenticationFailed(AuthenticationFailedContext context) =>
        ForwardAsync(context.HttpContext, events => events.AuthenticationFailed(context), () => base.AuthenticationFailed(context));

    public override Task Challenge(JwtBearerChallengeContext context) =>
        ForwardAsync(context.HttpContext, events => events.Challenge(context), () => base.Challenge(context));

    public override Task Forbidden(ForbiddenContext context) =>
        ForwardAsync(context.HttpContext, events => events.Forbidden(context), () => base.Forbidden(context));

    /// <summary>
    /// Runs the application's handler, then any delegate set on this wrapper itself (by configuration
    /// that ran after the check was installed), so neither is lost.
    /// </summary>
    private async Task ForwardAsync(HttpContext http, Func<JwtBearerEvents, Task> application, Func<Task> own)
    {
        await application(Inner(http)).ConfigureAwait(false);
        await own().ConfigureAwait(false);
    }

    /// <summary>The application's events: its events type resolved for this request (as the handler does), or its instance.</summary>
    private JwtBearerEvents Inner(HttpContext http) =>
        _eventsType is null ? _events : (JwtBearerEvents)http.RequestServices.GetRequiredService(_eventsType);
}
