using System.Text.Json;
using AuthingClient.Cli.Revocation;
using AuthingClient.Cli.Tests.Support;
using AuthingClient.TestSupport;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>
/// <c>revoke-user</c> (issue 18): per-user revocations in the fleet's registry in a real
/// redis-server, read back through the registry's own look-ups, so every instance rejects the
/// users' tokens issued until now; refused without a registry or an issuer.
/// </summary>
public class RevokeUserCommandTests
{
    private const string AppHost = "https://example.authing.cn";
    private const string Issuer = AppHost + "/oidc";

    [Fact]
    public async Task Users_Given_TheirTokensIssuedUntilNowAreRevokedLaterOnesAndOtherUsersAreNot()
    {
        await using var redis = await RedisProcess.StartAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60;

        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke-user", "--registry", redis.Configuration, "--app-host", AppHost, "alice", "bob");

        using var registry = FleetRegistry.Connect(redis.Configuration, TimeProvider.System);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "true"], result.StdoutLines);
        Assert.True(await registry.IsRevokedAsync(Token("alice", before)));
        Assert.True(await registry.IsRevokedAsync(Token("bob", before, audience: "any-app")));
        Assert.False(await registry.IsRevokedAsync(Token("alice", before + 3600)), "a token issued after the run: the user signed in again");
        Assert.False(await registry.IsRevokedAsync(Token("carol", before)));
        Assert.False(await registry.IsRevokedAsync(Token("alice", before, issuer: "https://other.authing.cn/oidc")));
    }

    [Fact]
    public async Task App_Given_OnlyThatApplicationsTokensAreRevoked()
    {
        await using var redis = await RedisProcess.StartAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60;

        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke-user", "--registry", redis.Configuration, "--issuer", Issuer, "--app", "app-1", "alice");

        using var registry = FleetRegistry.Connect(redis.Configuration, TimeProvider.System);
        Assert.Equal(0, result.ExitCode);
        Assert.True(await registry.IsRevokedAsync(Token("alice", before, audience: "app-1")));
        Assert.False(await registry.IsRevokedAsync(Token("alice", before, audience: "app-2")));
    }

    [Fact]
    public async Task FromFileWithJson_PrintsOneObjectPerUserAndAnInvalidLineIsAnError()
    {
        await using var redis = await RedisProcess.StartAsync();
        using var file = TokenFile.With("alice\n\n  bob  \nbad\u0001id\n");
        var environment = new Dictionary<string, string?> { ["AUTHING_REVOKED_TOKENS_REDIS"] = redis.Configuration, ["AUTHING_APP_HOST"] = AppHost };

        var result = await CliRun.RunAsync(environment, "revoke-user", "--from-file", file.Path, "--json");

        var lines = result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["alice", "bob"], lines.Take(2).Select(line => line.GetProperty("user").GetString()));
        Assert.All(lines.Take(2), line => Assert.True(line.GetProperty("revoked").GetBoolean()));
        Assert.Equal("invalid_argument", lines[2].GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("revoked").ValueKind);
        Assert.Contains("line 4", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRegistry_IsRefusedWithExit2AndNothingOnStdout()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke-user", "--app-host", AppHost, "alice");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("--registry", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoIssuerNorAppHost_IsRefusedWithExit2AndNothingOnStdout()
    {
        await using var redis = await RedisProcess.StartAsync();

        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke-user", "--registry", redis.Configuration, "alice");

        await using var connection = await redis.ConnectAsync();
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("--issuer", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await RedisDump.AllAsync(connection));
    }

    [Fact]
    public async Task RegistryUnreachable_RevokesNothingExits3AndNeverShowsTheConnectionString()
    {
        var closed = RedisProcess.FreePort();

        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke-user", "--registry", $"127.0.0.1:{closed},connectTimeout=500,password=redis-secret-42", "--app-host", AppHost, "alice");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.DoesNotContain("redis-secret-42", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspeltOption_IsNotTakenForAUser()
    {
        var result = await CliRun.RunAsync(CliRun.EmptyEnvironment(), "revoke-user", "--regsitry", "127.0.0.1:1", "alice");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
    }

    private static string Token(string subject, long issuedAt, string audience = "app-1", string issuer = Issuer) =>
        TestTokens.WithPayload(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["sub"] = subject,
            ["aud"] = audience,
            ["iat"] = issuedAt,
            ["jti"] = Guid.NewGuid().ToString("N"),
        }));
}
