using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary><c>--concurrency</c>: several revocations in flight, results still in input order.</summary>
public class RevokeCommandConcurrencyTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    [InlineData("-3")]
    [InlineData("many")]
    public async Task Concurrency_Outside1To256_Exits2NamingTheFlag(string value)
    {
        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--stand-in", "token-a", "--concurrency", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains("--concurrency", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("256")]
    public async Task Concurrency_AtItsBounds_IsAccepted(string value)
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "--stand-in", "token-a", "--concurrency", value);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
    }

    [Fact]
    public async Task Concurrency_AnswersComeBackOutOfOrder_ResultsKeepTheInputOrder()
    {
        string[] tokens = ["token-held", "token-2", "token-3", "token-4", "token-5", "token-6"];
        using var authing = OutOfOrderAuthing.Holding("token-held", others: 3);
        using var file = TokenFile.With(string.Join('\n', tokens));

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--from-file", file.Path, "--concurrency", "4", "--json", "--app-host", authing.Url);

        Assert.True(authing.HeldTokenWaitedForTheOthers);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(tokens.Select(Fingerprint.Of), Fingerprint.InJsonLines(result));
    }
}
