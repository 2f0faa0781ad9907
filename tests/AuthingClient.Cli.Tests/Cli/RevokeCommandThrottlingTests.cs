using System.Net;
using AuthingClient.Cli.Tests.Support;
using AuthingClient.Testing;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>Against a stand-in that throttles: throttled answers are waited out, never a failed token.</summary>
public class RevokeCommandThrottlingTests
{
    [Fact]
    public async Task Throttling_More429sThanTheLibraryRetries_AreWaitedOutAndEveryTokenEndsTrue()
    {
        using var authing = StartAuthing();

        // Retry-After: 0 keeps the test free of waiting; five in a row outlast the library's three attempts.
        for (var i = 0; i < 5; i++)
        {
            authing.EnqueueFault(new StandInFault(HttpStatusCode.TooManyRequests) { RetryAfter = TimeSpan.Zero });
        }

        using var file = TokenFile.With("token-a\ntoken-b\ntoken-c\n");
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--from-file", file.Path, "--concurrency", "1", "--app-host", authing.CreateClientOptions().AppHost!);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true", "true"], result.StdoutLines);
        Assert.Equal(8, authing.RequestCount);
        Assert.Contains("throttled 5 times (429/503)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_503WithRetryAfter_IsThrottlingAndIsWaitedOutToo()
    {
        using var authing = StartAuthing();
        for (var i = 0; i < 4; i++)
        {
            authing.EnqueueFault(StandInFault.ServiceUnavailable(TimeSpan.Zero));
        }

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-a", "--app-host", authing.CreateClientOptions().AppHost!);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
        Assert.Equal(5, authing.RequestCount);
    }

    [Fact]
    public async Task Throttling_503WithoutRetryAfter_IsAnOutageAndFailsAfterTheLibraryRetries()
    {
        using var authing = StartAuthing();
        for (var i = 0; i < 3; i++)
        {
            authing.EnqueueFault(new StandInFault(HttpStatusCode.ServiceUnavailable));
        }

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-a", "--app-host", authing.CreateClientOptions().AppHost!);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["error"], result.StdoutLines);
        Assert.Equal(3, authing.RequestCount);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("fast")]
    [InlineData("100001")]
    public async Task Rate_NotAPositiveNumberOfRequestsPerSecond_IsAUsageError(string value)
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "token-a", "--rate", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("--rate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_Given_EveryTokenIsStillRevokedInOrderAndTheSummaryShowsThePace()
    {
        using var file = TokenFile.With("token-a\ntoken-b\ntoken-c\n");

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "--from-file", file.Path, "--rate", "1000", "--concurrency", "8");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true", "true"], result.StdoutLines);
        Assert.Contains("pace 1000/s", result.Stderr, StringComparison.Ordinal);
    }

    private static AuthingStandIn StartAuthing() => AuthingStandIn.Start(new AuthingStandInOptions
    {
        AppId = CliRun.AppId,
        AppSecret = CliRun.FakeSecret,
    });
}
