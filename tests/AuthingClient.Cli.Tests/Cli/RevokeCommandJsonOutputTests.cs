using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

public class RevokeCommandJsonOutputTests
{
    [Fact]
    public async Task Json_output_is_one_parsable_object_per_token_in_order_with_a_hash_instead_of_the_token()
    {
        using var authing = FakeAuthing.Start()
            .AnswerOkByDefault()
            .AnswerForToken("token-jwt-9c1e", 400, "unsupported_token_type")
            .AnswerForToken("token-denied-44af", 401, "invalid_client");
        string[] tokens = ["token-ok-73bd", "token-jwt-9c1e", "token-denied-44af"];

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), ["revoke", .. tokens, "--json", "--app-host", authing.Url]);

        Assert.Equal(3, result.ExitCode);
        var lines = result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(tokens.Select(Fingerprint), lines.Select(line => line.GetProperty("token").GetString()));
        Assert.Equal([JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null], lines.Select(line => line.GetProperty("revoked").ValueKind));
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("status").ValueKind);
        Assert.Equal(400, lines[1].GetProperty("status").GetInt32());
        Assert.Equal("unsupported_token_type", lines[1].GetProperty("error").GetString());
        Assert.Equal(401, lines[2].GetProperty("status").GetInt32());
        Assert.Equal("invalid_client", lines[2].GetProperty("error").GetString());
        Assert.All(tokens, token => Assert.DoesNotContain(token, result.AllOutput, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_output_for_a_revoked_token_has_every_field()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke", "some-token", "--json");

        Assert.Equal(0, result.ExitCode);
        var line = JsonDocument.Parse(Assert.Single(result.StdoutLines)).RootElement;
        Assert.Equal(["token", "revoked", "status", "error"], line.EnumerateObject().Select(property => property.Name));
        Assert.True(line.GetProperty("revoked").GetBoolean());
    }

    private static string Fingerprint(string token) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];
}
