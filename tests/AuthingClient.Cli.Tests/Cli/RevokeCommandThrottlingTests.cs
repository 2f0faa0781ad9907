using System.Net;
using AuthingClient.Cli.Tests.Support;
using AuthingClient.Testing;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>Against a stand-in that throttles: throttled answers are waited out, never a failed token.</summary>
public class RevokeCommandThrottlingTests
{
    [Fact]
    public async Task More_429s_than_the_library_retries_are_waited_out_and_every_token_ends_true()
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
    public async Task A_503_with_retry_after_is_throttling_and_is_waited_out_too()
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
    public async Task A_503_without_retry_after_is_an_outage_and_fails_after_the_library_retries()
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
    public async Task A_rate_that_is_not_a_positive_number_of_requests_per_second_is_a_usage_error(string value)
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "token-a", "--rate", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("--rate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_rate_every_token_is_still_revoked_in_order_and_the_summary_shows_the_pace()
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
