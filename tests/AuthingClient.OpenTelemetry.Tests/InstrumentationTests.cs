using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AuthingClient.OpenTelemetry.Tests.Support;
using AuthingClient.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace AuthingClient.OpenTelemetry.Tests;

/// <summary>
/// <c>AddAuthingClientInstrumentation()</c> on the real OpenTelemetry SDK: the spans and metrics
/// README.md documents arrive, under the documented names, and carry no token and no secret.
/// </summary>
public sealed class InstrumentationTests : IDisposable
{
    private const string Token = "otel-test-token-7c1e9a2b4d6f8091";
    private const string Secret = "otel-app-secret-never-exported";
    private const string WrongSecret = "otel-wrong-secret-never-exported";

    private readonly AuthingStandIn _authing = AuthingStandIn.Start(new AuthingStandInOptions { AppId = "otel-app", AppSecret = Secret });
    private readonly ExportedTelemetry _telemetry = new();

    public void Dispose()
    {
        _telemetry.Dispose();
        _authing.Dispose();
    }

    [Fact]
    public async Task Traces_KeyedClient_ExportTheRevocationSpanWithTheDocumentedAttributes()
    {
        using var provider = Clients(services => services.AddAuthingAuthenticationClient("tenant-a", o => Configure(o)));

        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant-a").RevokeTokenAsync(Token);

        var span = _telemetry.Span("authing.revoke");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["authing.token.hash"] = Fingerprint(Token),
                ["authing.protocol"] = "oidc",
                ["server.address"] = "127.0.0.1",
                ["authing.client.name"] = "tenant-a",
                ["authing.outcome"] = "revoked",
            },
            Tags(span));
    }

    [Fact]
    public async Task Traces_UnnamedClient_HaveNoClientName()
    {
        using var provider = Clients(services => services.AddAuthingAuthenticationClient(o => Configure(o)));

        await provider.GetRequiredService<AuthenticationClient>().RevokeTokenAsync(Token);

        var tags = Tags(_telemetry.Span("authing.revoke"));
        Assert.Equal("revoked", tags["authing.outcome"]);
        Assert.DoesNotContain("authing.client.name", tags.Keys);
    }

    [Fact]
    public void Options_AppHostWithUserInformation_AreRefusedBeforeAnythingIsReported()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            new AuthenticationClient(Options(o => o.AppHost = o.AppHost!.Replace("://", "://operator:host-password@", StringComparison.Ordinal))));

        Assert.DoesNotContain("host-password", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_telemetry.Spans);
        Assert.DoesNotContain(_telemetry.AllAttributes(), text => text.Contains("host-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Traces_RetriedRevocation_ExportAnAttemptSpanPerHttpAttemptUnderTheRevocationSpan()
    {
        _authing.EnqueueFault(StandInFault.ServiceUnavailable());
        using var client = new AuthenticationClient(Options());

        Assert.True(await client.RevokeTokenAsync(Token));

        var revocation = _telemetry.Span("authing.revoke");
        var attempts = _telemetry.Spans.Where(span => span.OperationName == "authing.revoke.attempt").ToList();
        Assert.Equal([(1, 503), (2, 200)], attempts.Select(a => ((int)a.GetTagItem("authing.attempt")!, (int)a.GetTagItem("http.response.status_code")!)));
        Assert.All(attempts, attempt => Assert.Equal(revocation.SpanId, attempt.ParentSpanId));
        var retry = Assert.Single(revocation.Events);
        Assert.Equal("retry", retry.Name);
        Assert.Equal(503, retry.Tags.Single(tag => tag.Key == "http.response.status_code").Value);
    }

    [Fact]
    public async Task Traces_RefusedRevocation_MarkTheSpanFailedWithTheStatusAsErrorType()
    {
        using var provider = Clients(services => services.AddAuthingAuthenticationClient("tenant-a", o => Configure(o, WrongSecret)));

        await Assert.ThrowsAsync<AuthingRevocationException>(() => provider.GetRequiredKeyedService<AuthenticationClient>("tenant-a").RevokeTokenAsync(Token));

        var span = _telemetry.Span("authing.revoke");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(("refused", "401"), (span.GetTagItem("authing.outcome"), span.GetTagItem("error.type")));
    }

    [Fact]
    public async Task Metrics_KeyedClient_CountAndTimeTheRevocationWithTheDocumentedTags()
    {
        using var provider = Clients(services => services.AddAuthingAuthenticationClient("tenant-a", o => Configure(o)));

        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant-a").RevokeTokenAsync(Token);

        var expectedTags = new Dictionary<string, object?>
        {
            ["authing.outcome"] = "revoked",
            ["server.address"] = "127.0.0.1",
            ["authing.client.name"] = "tenant-a",
        };
        var counter = _telemetry.Metric("authing.revocations");
        Assert.Equal((MetricType.LongSum, "{revocation}"), (counter.MetricType, counter.Unit));
        var counted = Assert.Single(counter.MetricPoints);
        Assert.Equal(1L, counted.GetSumLong());
        Assert.Equal(expectedTags, ExportedTelemetry.Tags(counted));

        var duration = _telemetry.Metric("authing.revocation.duration");
        Assert.Equal((MetricType.Histogram, "s"), (duration.MetricType, duration.Unit));
        var timed = Assert.Single(duration.MetricPoints);
        Assert.Equal(1L, timed.GetHistogramCount());
        Assert.Equal(expectedTags, ExportedTelemetry.Tags(timed));
    }

    [Fact]
    public async Task Metrics_RefusedRevocation_AreTaggedWithTheStatusAsErrorType()
    {
        using var client = new AuthenticationClient(Options(o => o.AppSecret = WrongSecret));

        await Assert.ThrowsAsync<AuthingRevocationException>(() => client.RevokeTokenAsync(Token));

        var tags = ExportedTelemetry.Tags(Assert.Single(_telemetry.Metric("authing.revocations").MetricPoints));
        Assert.Equal(("refused", "401"), (tags["authing.outcome"], tags["error.type"]));
    }

    [Fact]
    public async Task Telemetry_NoAttributeCarriesTheTokenOrTheSecret()
    {
        _authing.EnqueueFault(StandInFault.ServiceUnavailable());
        using var provider = Clients(services =>
        {
            services.AddAuthingAuthenticationClient("right", o => Configure(o, Secret));
            services.AddAuthingAuthenticationClient("wrong", o => Configure(o, WrongSecret));
        });

        Assert.True(await provider.GetRequiredKeyedService<AuthenticationClient>("right").RevokeTokenAsync(Token));
        await Assert.ThrowsAsync<AuthingRevocationException>(() => provider.GetRequiredKeyedService<AuthenticationClient>("wrong").RevokeTokenAsync(Token));

        var attributes = _telemetry.AllAttributes();
        Assert.Contains($"authing.token.hash={Fingerprint(Token)}", attributes);
        Assert.Contains("authing.revocations error.type=401", attributes);
        Assert.All(attributes, text =>
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongSecret, text, StringComparison.Ordinal);
        });
    }

    /// <summary>The README's fingerprint: the first 12 hex digits of the token's SHA-256.</summary>
    private static string Fingerprint(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];

    private static Dictionary<string, object?> Tags(Activity span) => span.TagObjects.ToDictionary(tag => tag.Key, tag => tag.Value);

    private static ServiceProvider Clients(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Options for the stand-in, with one retry made at once, changed by <paramref name="change"/>.</summary>
    private AuthenticationClientOptions Options(Action<AuthenticationClientOptions>? change = null)
    {
        var options = _authing.CreateClientOptions();
        (options.Retry.MaxAttempts, options.Retry.BaseDelay) = (2, TimeSpan.Zero);
        change?.Invoke(options);
        return options;
    }

    private void Configure(AuthenticationClientOptions target, string secret = Secret)
    {
        var source = Options(o => o.AppSecret = secret);
        (target.AppId, target.AppSecret, target.AppHost) = (source.AppId, source.AppSecret, source.AppHost);
        (target.Retry.MaxAttempts, target.Retry.BaseDelay) = (source.Retry.MaxAttempts, source.Retry.BaseDelay);
    }
}
