using AuthingClient.Configuration;
using AuthingClient.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace AuthingClient.Transport;

/// <summary>
/// Everything a revocation needs that does not change between calls, prepared once from validated
/// options: credentials, the path to use, the resilience pipeline, logging and time.
/// </summary>
internal sealed class RevocationSettings
{
    private RevocationSettings(AuthenticationClientOptions options, ILogger logger, TimeProvider timeProvider)
    {
        Credentials = ClientCredentials.From(options);
        Protocol = options.Protocol;
        Secret = options.AppSecret;
        Logger = logger;
        TimeProvider = timeProvider;
        Pipeline = RevocationPipeline.Create(options, timeProvider);
    }

    public ClientCredentials Credentials { get; }

    public AuthingProtocol Protocol { get; }

    /// <summary>Kept only to scrub it from server text; never logged or sent except as configured.</summary>
    public string? Secret { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>Validates the options, then prepares the settings.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static RevocationSettings Create(AuthenticationClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = AuthenticationClientOptionsValidator.Instance.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AuthenticationClientOptions), result.Failures);
        }

        return new RevocationSettings(
            options,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AuthenticationClient>(),
            timeProvider ?? TimeProvider.System);
    }

    public override string ToString() => $"RevocationSettings(Protocol={Protocol})";
}
