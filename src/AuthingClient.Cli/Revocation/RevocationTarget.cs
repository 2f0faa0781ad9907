using AuthingClient.Cli.Pacing;
using AuthingClient.Cli.Settings;
using AuthingClient.Revocation;
using AuthingClient.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Cli.Revocation;

/// <summary>
/// The <see cref="AuthenticationClient"/> a run uses, built the way applications build it: options
/// set from the run's settings through <c>AddAuthingAuthenticationClient</c>, resolved from
/// dependency injection (which validates the options). With <c>--stand-in</c>, the built-in
/// <see cref="AuthingStandIn"/> is started and the client points at it.
/// </summary>
internal sealed class RevocationTarget : IDisposable
{
    private readonly ServiceProvider _services;

    private RevocationTarget(ServiceProvider services, AuthingStandIn? standIn, RunPace pace)
    {
        _services = services;
        StandIn = standIn;
        Pace = pace;
        try
        {
            Client = services.GetRequiredService<AuthenticationClient>();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public AuthenticationClient Client { get; }

    /// <summary>The pace every HTTP attempt of the client keeps, retries included.</summary>
    public RunPace Pace { get; }

    /// <summary>The built-in stand-in, when no Authing domain was configured.</summary>
    public AuthingStandIn? StandIn { get; }

    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The settings are invalid.</exception>
    /// <exception cref="ArgumentException">The settings cannot configure the stand-in.</exception>
    public static RevocationTarget Create(CliSettings settings, TimeProvider time)
    {
        var standIn = settings.StandIn ? StartStandIn(settings) : null;
        var pace = new RunPace(time, settings.Rate);
        try
        {
            var services = new ServiceCollection();

            // Built by the container, so disposed with it (the Redis connection included).
            // Without --registry there is none: this process validates no tokens, and an in-memory
            // registry would grow with every token of a bulk run.
            if (settings.Registry is { } redis)
            {
                services.AddSingleton<RevokedTokenRegistry>(_ => FleetRegistry.Connect(redis, time));
            }

            services.AddAuthingAuthenticationClient(options =>
                {
                    Configure(options, settings, standIn);
                    RunPace.KeepPace(options, pace);
                })
                .AddHttpMessageHandler(() => new PacingHandler(pace, time));
            return new RevocationTarget(services.BuildServiceProvider(), standIn, pace);
        }
        catch
        {
            pace.Dispose();
            standIn?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        Pace.Dispose();
        StandIn?.Dispose();
    }

    private static AuthingStandIn StartStandIn(CliSettings settings)
    {
        var options = new AuthingStandInOptions
        {
            Protocol = settings.Protocol,
            RevocationEndPointAuthMethod = settings.AuthMethod,
        };
        options.AppId = settings.AppId ?? options.AppId;
        options.AppSecret = settings.AppSecret ?? options.AppSecret;
        return AuthingStandIn.Start(options);
    }

    /// <summary>
    /// The run's settings as they were given: an empty value stays empty, so the validator names it.
    /// The stand-in's own address and credentials replace the given ones (it was started with the
    /// run's protocol and method, and holds no secret for <c>none</c>).
    /// </summary>
    private static void Configure(AuthenticationClientOptions options, CliSettings settings, AuthingStandIn? standIn)
    {
        (options.AppHost, options.AppId, options.AppSecret) = standIn?.CreateClientOptions() is { } local
            ? (local.AppHost, local.AppId, local.AppSecret)
            : (settings.AppHost, settings.AppId, settings.AppSecret);
        options.Protocol = settings.Protocol;
        options.RevocationEndPointAuthMethod = settings.AuthMethod;
    }
}
