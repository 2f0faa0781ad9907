using AuthingClient.Configuration;
using AuthingClient.Resilience;
using AuthingClient.Revocation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuthingClient.Transport;

/// <summary>
/// Everything a revocation needs that does not change between calls, prepared once from validated
/// options: credentials, the path to use, retries and time-outs, logging and time, and the names
/// telemetry reports the client by.
/// </summary>
internal sealed class RevocationSettings
{
    private RevocationSettings(AuthenticationClientOptions options, string? clientName, ILogger logger, TimeProvider timeProvider, LocalRevocationTargets localTargets)
    {
        Credentials = ClientCredentials.From(options);
        Protocol = options.Protocol;
        ClientName = clientName;

        // The host only (validation refuses user information in AppHost; the path is not an address).
        // IdnHost: an IPv6 address without brackets, a DNS name as DNS sees it (OpenTelemetry's server.address).
        ServerAddress = AuthingHttp.BaseAddress(options).IdnHost;
        Secret = options.AppSecret;
        Logger = logger;
        TimeProvider = timeProvider;
        Retries = new RevocationRetries(options, timeProvider);
        Timeout = options.Timeout;
        AttemptTimeout = options.AttemptTimeout;
        AttemptDeadlines = new AttemptDeadlines(timeProvider);
        LocalTargets = localTargets;
    }

    public ClientCredentials Credentials { get; }

    public AuthingProtocol Protocol { get; }

    /// <summary>The name of a keyed client (dependency injection); <see langword="null"/> for the unnamed one.</summary>
    public string? ClientName { get; }

    /// <summary>The host of AppHost, reported as <c>server.address</c>.</summary>
    public string ServerAddress { get; }

    /// <summary>Kept only to scrub it from server text; never logged or sent except as configured.</summary>
    public string? Secret { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>When a failed attempt gets another one, and after what wait.</summary>
    public RevocationRetries Retries { get; }

    /// <summary>The whole call's time budget, retries and waits included.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>One attempt's time budget (cut to what is left of <see cref="Timeout"/>).</summary>
    public TimeSpan AttemptTimeout { get; }

    public AttemptDeadlines AttemptDeadlines { get; }

    /// <summary>The registry and observers every revocation must also reach.</summary>
    public LocalRevocationTargets LocalTargets { get; }

    /// <summary>Validates the options, then prepares the settings (the standalone constructors).</summary>
    /// <param name="options">The client's options, with its own registry and observers.</param>
    /// <param name="loggerFactory">Where log events go.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static RevocationSettings Create(AuthenticationClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ValidatedOptions.ThrowIfInvalid(AuthenticationClientOptionsValidator.Instance, options);
        return FromValidated(options, clientName: null, loggerFactory, timeProvider, observers: null, registry: null);
    }

    /// <summary>
    /// Prepares the settings from options already validated: dependency injection's options
    /// factory runs the same validator before handing them out, so it is not run twice.
    /// </summary>
    /// <param name="options">The client's options, with its own registry and observers.</param>
    /// <param name="clientName">The name of a keyed client; <see langword="null"/> for the unnamed one.</param>
    /// <param name="loggerFactory">Where log events go.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="observers">More observers (from dependency injection).</param>
    /// <param name="registry">The registry to mark when the options name none (from dependency injection).</param>
    public static RevocationSettings FromValidated(
        AuthenticationClientOptions options,
        string? clientName,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider,
        IEnumerable<IRevocationObserver>? observers,
        RevokedTokenRegistry? registry) =>
        new(
            options,
            clientName,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AuthenticationClient>(),
            timeProvider ?? TimeProvider.System,
            LocalRevocationTargets.From(options, observers, registry));

    public override string ToString() => $"RevocationSettings(Protocol={Protocol})";
}
