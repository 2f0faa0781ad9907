using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>Options and clients as the reliability tests use them: distinctive time-outs so waits can be told apart.</summary>
internal static class TestClients
{
    public const string AppId = "reliability-app";
    public const string Secret = "s3cr3t-Reliability-Secret-Value";

    /// <summary>Per-attempt time-out; no retry delay is ever this long.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(7);

    /// <summary>Overall time-out.</summary>
    public static readonly TimeSpan OverallTimeout = TimeSpan.FromMinutes(11);

    /// <summary>Waits at least this long are time-outs, not retry delays.</summary>
    public static readonly TimeSpan TimeoutThreshold = TimeSpan.FromMinutes(5);

    /// <summary>The retry delays with <see cref="Options"/>: BaseDelay 200 ms doubled per retry, jitter pinned to its top (×1.2).</summary>
    public static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(240), TimeSpan.FromMilliseconds(480)];

    public static AuthenticationClientOptions Options(string appHost, ClientAuthenticationMethod method = ClientAuthenticationMethod.ClientSecretPost) => new()
    {
        AppId = AppId,
        AppSecret = Secret,
        AppHost = appHost,
        RevocationEndPointAuthMethod = method,
        AttemptTimeout = AttemptTimeout,
        Timeout = OverallTimeout,
        Retry = { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(30), Randomizer = () => 1 },
    };

    public static AuthenticationClient Create(AuthenticationClientOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null) =>
        new(options, httpClient: null, loggerFactory, time);

    public static (ILoggerFactory Factory, FakeLogCollector Collector) CapturingLoggerFactory()
    {
        var collector = new FakeLogCollector();
        var factory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(new FakeLoggerProvider(collector)));
        return (factory, collector);
    }
}
