using System.Text.Json;
using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

public class RevokeCommandJsonOutputTests
{
    [Fact]
    public async Task JsonOutput_SeveralTokens_IsOneParsableObjectPerTokenInOrderWithAHashNotTheToken()
    {
        using var authing = FakeAuthing.Start()
            .AnswerOkByDefault()
            .AnswerForToken("token-jwt-9c1e", 400, "unsupported_token_type")
            .AnswerForToken("token-denied-44af", 401, "invalid_client");
        string[] tokens = ["token-ok-73bd", "token-jwt-9c1e", "token-denied-44af"];

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), ["revoke", .. tokens, "--json", "--app-host", authing.Url]);

        Assert.Equal(3, result.ExitCode);
        var lines = result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(tokens.Select(Fingerprint.Of), lines.Select(line => line.GetProperty("token").GetString()));
        Assert.Equal([JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null], lines.Select(line => line.GetProperty("revoked").ValueKind));
        Assert.Equal(["revoked", "not_revoked", "refused"], lines.Select(line => line.GetProperty("outcome").GetString()));
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("status").ValueKind);
        Assert.Equal(400, lines[1].GetProperty("status").GetInt32());
        Assert.Equal("unsupported_token_type", lines[1].GetProperty("error").GetString());
        Assert.Equal(401, lines[2].GetProperty("status").GetInt32());
        Assert.Equal("invalid_client", lines[2].GetProperty("error").GetString());
        Assert.All(tokens, token => Assert.DoesNotContain(token, result.AllOutput, StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonOutput_RevokedToken_HasEveryField()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "--stand-in", "some-token", "--json");

        Assert.Equal(0, result.ExitCode);
        var line = JsonDocument.Parse(Assert.Single(result.StdoutLines)).RootElement;
        Assert.Equal(["token", "revoked", "outcome", "status", "error"], line.EnumerateObject().Select(property => property.Name));
        Assert.True(line.GetProperty("revoked").GetBoolean());
    }

    [Fact]
    public async Task JsonOutput_StreamedInput_StdoutStaysJsonOnlyWhileProgressReasonsAndSummaryGoToStderr()
    {
        var run = await FedRun.StartAsync("token-a\nbad\u0001token\ntoken-c\n", results: 3, "--json");

        run.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await run.FinishAsync();

        Assert.Equal(3, result.StdoutLines.Length);
        Assert.All(result.StdoutLines, line => Assert.Equal(
            ["token", "revoked", "outcome", "status", "error"],
            JsonDocument.Parse(line).RootElement.EnumerateObject().Select(property => property.Name)));
        Assert.Contains("authing-revoke: progress: 3 done", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("authing-revoke: line 2 (", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("authing-revoke: finished: 3 tokens", result.Stderr, StringComparison.Ordinal);
    }
}
