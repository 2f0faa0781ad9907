using AuthingClient.Cli.Pacing;
using AuthingClient.Cli.Settings;
using AuthingClient.Configuration;
using AuthingClient.Revocation;
using AuthingClient.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Cli.Revocation;

/// <summary>
/// The <see cref="AuthenticationClient"/> a run uses, built the way applications build it: an
/// <see cref="IConfiguration"/> section bound by <c>AddAuthingAuthenticationClient</c>, resolved
/// from dependency injection (which validates the options). When no Authing domain is configured,
/// the built-in <see cref="AuthingStandIn"/> is started and the client points at it.
/// </summary>
internal sealed class RevocationTarget : IDisposable
{
    private const string Section = AuthenticationClientOptions.SectionName;

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
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(ConfigurationValues(settings, standIn))
                .Build();

            var services = new ServiceCollection();

            // Built by the container, so disposed with it (the Redis connection included).
            // Without --registry there is none: this process validates no tokens, and an in-memory
            // registry would grow with every token of a bulk run.
            if (settings.Registry is { } redis)
            {
                services.AddSingleton<RevokedTokenRegistry>(_ => FleetRegistry.Connect(redis, time));
            }

            services.AddAuthingAuthenticationClient(configuration.GetSection(Section))
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

    private static Dictionary<string, string?> ConfigurationValues(CliSettings settings, AuthingStandIn? standIn)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{Section}:{nameof(AuthenticationClientOptions.AppHost)}"] = settings.AppHost,
            [$"{Section}:{nameof(AuthenticationClientOptions.AppId)}"] = settings.AppId,
            [$"{Section}:{nameof(AuthenticationClientOptions.AppSecret)}"] = settings.AppSecret,
            [$"{Section}:{nameof(AuthenticationClientOptions.Protocol)}"] = WireNames.Protocol.ToWireName(settings.Protocol),
            [$"{Section}:{nameof(AuthenticationClientOptions.RevocationEndPointAuthMethod)}"] = WireNames.AuthMethod.ToWireName(settings.AuthMethod),
        };

        if (standIn is not null)
        {
            var options = standIn.CreateClientOptions();
            values[$"{Section}:{nameof(AuthenticationClientOptions.AppHost)}"] = options.AppHost;
            values[$"{Section}:{nameof(AuthenticationClientOptions.AppId)}"] = options.AppId;
            values[$"{Section}:{nameof(AuthenticationClientOptions.AppSecret)}"] = options.AppSecret;
        }

        return values;
    }
}
