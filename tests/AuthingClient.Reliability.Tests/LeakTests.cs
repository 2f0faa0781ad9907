using AuthingClient.Reliability.Tests.Support;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using WireMock.ResponseBuilders;

namespace AuthingClient.Reliability.Tests;

/// <summary>
/// Runs the fault and bad-input matrices with every log captured at Trace level, every activity
/// and metric tag, and every exception's ToString(), and checks that neither the token nor the
/// secret appears anywhere.
/// </summary>
public sealed class LeakTests : IDisposable
{
    private static readonly string Token = "LeakCanaryToken" + Guid.NewGuid().ToString("N");
    private static readonly string Secret = "LeakCanarySecret" + Guid.NewGuid().ToString("N");

    private readonly FaultServer _server = new();
    private readonly SteppingTimeProvider _time = new();
    private readonly TelemetryCapture _telemetry = new();
    private readonly (Microsoft.Extensions.Logging.ILoggerFactory Factory, FakeLogCollector Collector) _logs = TestClients.CapturingLoggerFactory();
    private readonly List<string> _texts = [];

    public static TheoryData<string> FaultScenarios =>
    [
        "200", "unsupported_token_type", "error echoing the token and the secret", "html error page", "500 until exhausted",
        "503 with Retry-After then 200", "redirect to a url with the token", "closed port", "hang-up", "basic auth refused",
    ];

    // Named rather than passed as strings: the test runner would re-encode a lone surrogate.
    public static TheoryData<string> BadTokens => ["line feed", "NUL", "C1 control", "lone surrogate", "1 MiB"];

    [Theory]
    [MemberData(nameof(FaultScenarios))]
    public async Task FaultScenario_LeavesNoTokenOrSecretInLogsTracesMetricsOrExceptions(string scenario)
    {
        var options = TestClients.Options(_server.Url);
        options.AppSecret = Secret;
        switch (scenario)
        {
            case "200":
                _server.Answer(r => r.WithStatusCode(200));
                break;
            case "unsupported_token_type":
                _server.Answer(r => r.WithStatusCode(400).WithBody("""{"error":"unsupported_token_type"}"""));
                break;
            case "error echoing the token and the secret":
                _server.Answer(r => r.WithStatusCode(400).WithHeader("Content-Type", "application/json")
                    .WithBody($$"""{"error":"invalid_request","error_description":"bad token {{Token}} for secret {{Secret}}","error_uri":"https://x.example/?t={{Token}}"}"""));
                break;
            case "html error page":
                _server.Answer(r => r.WithStatusCode(401).WithHeader("Content-Type", "text/html").WithBody($"<html>{Token} {Secret}</html>"));
                break;
            case "500 until exhausted":
                _server.Answer(r => r.WithStatusCode(500).WithBody(Token));
                break;
            case "503 with Retry-After then 200":
                _server.Answer(r => r.WithStatusCode(503).WithHeader("Retry-After", "2"), r => r.WithStatusCode(200));
                break;
            case "redirect to a url with the token":
                _server.Answer(r => r.WithStatusCode(307).WithHeader("Location", $"{_server.Url}/x?token={Token}"));
                break;
            case "closed port":
                options.AppHost = FaultServer.ClosedPortUrl();
                break;
            case "hang-up":
                options.AppHost = _hangUp.Value.Url;
                break;
            case "basic auth refused":
                options.RevocationEndPointAuthMethod = ClientAuthenticationMethod.ClientSecretBasic;
                _server.Answer(r => r.WithStatusCode(401).WithBody($$"""{"error":"invalid_client","error_description":"{{Secret}}"}"""));
                break;
        }

        using (var client = TestClients.Create(options, _time, _logs.Factory))
        {
            var call = client.RevokeTokenAsync(Token, TokenTypeHint.RefreshToken);
            await _time.DriveAsync(call, TestClients.TimeoutThreshold);
            await Capture(() => call);
        }

        AssertNoLeak();
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_IsRejectedWithoutLeakingIt(string badness)
    {
        var token = badness switch
        {
            "line feed" => Token + "\n",
            "NUL" => Token + "\0",
            "C1 control" => Token + "\u0085",
            "lone surrogate" => Token + "\uD800",
            _ => string.Concat(Enumerable.Repeat(Token, 30_000)),
        };
        using var client = TestClients.Create(TestClients.Options(_server.Url), _time, _logs.Factory);

        await Capture(() => client.RevokeTokenAsync(token));

        Assert.Equal(0, _server.ArrivedRevocationRequests);
        AssertNoLeak();
    }

    [Theory]
    [InlineData("https://user:{secret}@auth.example.com", "user information")]
    [InlineData("http://user:{secret}@auth.example.com", "user information")]
    [InlineData("not a uri {secret}", "absolute http(s) URI")]
    public void InvalidOptions_AreRejectedWithoutEchoingSecrets(string appHost, string failure)
    {
        var options = TestClients.Options(appHost.Replace("{secret}", Secret, StringComparison.Ordinal));
        options.AppSecret = Secret + "é";

        var error = Assert.Throws<OptionsValidationException>(() => TestClients.Create(options, _time, _logs.Factory));
        _texts.Add(error.ToString());
        _texts.Add(options.ToString());

        Assert.Contains(error.Failures, f => f.StartsWith("AppHost", StringComparison.Ordinal) && f.Contains(failure, StringComparison.Ordinal));
        AssertNoLeak();
    }

    [Fact]
    public void Options_WithUserInformationInAppHost_PrintTheHostWithoutIt()
    {
        var options = TestClients.Options($"https://user:{Secret}@auth.example.com/base");

        Assert.Contains("AppHost=https://auth.example.com/base,", options.ToString(), StringComparison.Ordinal);
        _texts.Add(options.ToString());
        AssertNoLeak();
    }

    public void Dispose()
    {
        _telemetry.Dispose();
        _logs.Factory.Dispose();
        if (_hangUp.IsValueCreated)
        {
            _hangUp.Value.Dispose();
        }

        _server.Dispose();
    }

    private readonly Lazy<HangUpServer> _hangUp = new(() => new HangUpServer());

    private async Task Capture(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            _texts.Add(ex.ToString());
        }
    }

    private void AssertNoLeak()
    {
        var everything = _texts
            .Concat(_logs.Collector.GetSnapshot().Select(r => $"{r.Message} {r.Exception} {string.Join(' ', r.StructuredState ?? [])}"))
            .Concat(_telemetry.Texts)
            .ToList();

        Assert.NotEmpty(everything);
        foreach (var text in everything)
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }
    }
}
