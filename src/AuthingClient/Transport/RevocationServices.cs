using AuthingClient.Configuration;
using AuthingClient.Contract;
using AuthingClient.Diagnostics;
using AuthingClient.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthingClient.Transport;

/// <summary>
/// Everything a revocation at Authing needs that does not change between calls, prepared once from
/// validated options: the generated contract to send through, the request's client
/// authentication, retries and time-outs, the clock, and where the call is reported.
/// </summary>
internal sealed class RevocationServices
{
    private RevocationServices(IAuthingRevocationApi api, AuthenticationClientOptions options, string? clientName, ILogger logger, TimeProvider timeProvider)
    {
        Api = api;
        RequestBuilder = RevocationRequestBuilder.From(options);
        Protocol = options.Protocol;
        Secret = options.AppSecret;
        Logger = logger;
        TimeProvider = timeProvider;
        Retries = new RevocationRetries(options, timeProvider);
        TimeLimits = new TimeLimits(timeProvider, options.Timeout, options.AttemptTimeout);
        AttemptDeadlines = new AttemptDeadlines(timeProvider);

        // The host only (validation refuses user information in AppHost; the path is not an address).
        // IdnHost: an IPv6 address without brackets, a DNS name as DNS sees it (OpenTelemetry's server.address).
        Reporter = new RevocationReporter(logger, timeProvider, WireNames.Protocol.ToWireName(options.Protocol), AuthingHttp.BaseAddress(options).IdnHost, clientName);
    }

    /// <summary>The generated contract, implemented by Refit over the client's <see cref="HttpClient"/>.</summary>
    public IAuthingRevocationApi Api { get; }

    /// <summary>Builds each revocation's form, with the client authentication in it or beside it.</summary>
    public RevocationRequestBuilder RequestBuilder { get; }

    public AuthingProtocol Protocol { get; }

    /// <summary>Kept only to scrub it from server text; never logged or sent except as configured.</summary>
    public string? Secret { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>When a failed attempt gets another one, and after what wait.</summary>
    public RevocationRetries Retries { get; }

    /// <summary>The whole call's time-out and one attempt's; each call starts its budget from them.</summary>
    public TimeLimits TimeLimits { get; }

    public AttemptDeadlines AttemptDeadlines { get; }

    /// <summary>Where each revocation's span, log events and metrics go.</summary>
    public RevocationReporter Reporter { get; }

    /// <summary>
    /// Prepares the services from options already validated (by the constructor, or by dependency
    /// injection's options factory, which runs the same validator before handing them out).
    /// </summary>
    /// <param name="api">The generated contract to send through.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="clientName">The name of a keyed client; <see langword="null"/> for the unnamed one.</param>
    /// <param name="loggerFactory">Where log events go.</param>
    /// <param name="timeProvider">The clock.</param>
    public static RevocationServices FromValidated(IAuthingRevocationApi api, AuthenticationClientOptions options, string? clientName, ILoggerFactory? loggerFactory, TimeProvider? timeProvider) =>
        new(
            api,
            options,
            clientName,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AuthenticationClient>(),
            timeProvider ?? TimeProvider.System);

    public override string ToString() => $"RevocationServices(Protocol={Protocol})";
}
