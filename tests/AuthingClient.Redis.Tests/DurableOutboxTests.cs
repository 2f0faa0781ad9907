using System.Net;
using AuthingClient.Redis.Tests.Support;
using System.IO.Hashing;
using System.Text;
using AuthingClient.Revocation;
using AuthingClient.TestSupport;

namespace AuthingClient.Redis.Tests;

/// <summary>
/// Issue 19, item 1: with <c>OutboxPath</c>, a revocation made while Redis is down survives the
/// instance being killed: the next instance started with the same folder publishes it.
/// </summary>
public sealed class DurableOutboxTests : IDisposable
{
    private readonly AuthingServer _authing = AuthingServer.Answering(AuthingAnswer.Revoked);
    private readonly EcdsaTokens _tokens = new();
    private readonly string _publicKeyFile = Path.GetTempFileName();
    private readonly DirectoryInfo _outbox = Directory.CreateTempSubdirectory("authing-outbox-");

    public DurableOutboxTests() => File.WriteAllText(_publicKeyFile, _tokens.PublicKeyPem());

    [RedisFact]
    public async Task InstanceKilledDuringARedisOutage_TheNextOneWithTheSameFolderPublishesItsRevocations()
    {
        await using var redis = await RedisProcess.StartAsync();
        var revoked = _tokens.Create(withJwtId: true);
        await using (var doomed = await ProtectedApiProcess.StartAsync(_authing, _publicKeyFile, $"--Authing:RevokedTokens:Redis={redis.Configuration}", $"--Authing:RevokedTokens:OutboxPath={_outbox.FullName}"))
        {
            await redis.KillAsync();
            Assert.Equal(HttpStatusCode.NoContent, await doomed.LogoutAsync(revoked));
            await doomed.KillAsync();
        }

        Assert.Contains("M 1 ", File.ReadAllText(Assert.Single(_outbox.GetFiles("outbox-*.log")).FullName), StringComparison.Ordinal);
        await redis.RestartAsync();
        await using var successor = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens, o => o.OutboxPath = _outbox.FullName);
        Assert.Equal(0, await successor.PublishedAsync());
        await using var elsewhere = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);

        Assert.Equal(HttpStatusCode.Unauthorized, await successor.GetMeAsync(revoked));
        Assert.Equal(HttpStatusCode.Unauthorized, await elsewhere.GetMeAsync(revoked));
        Assert.Equal(HttpStatusCode.OK, await elsewhere.GetMeAsync(_tokens.Create(withJwtId: true)));
    }

    [RedisFact]
    public async Task TornAndDamagedLines_AreSkippedAndLogged_EveryIntactMarkIsPublished_StartIsNotStopped()
    {
        await using var redis = await RedisProcess.StartAsync();
        var intact = _tokens.Create(withJwtId: true);
        var key = RevocationKey.Of(intact);
        var end = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
        var body = $"M 1 {key} {long.MaxValue} {end}";
        var written = $"{body} {Crc32.HashToUInt32(Encoding.UTF8.GetBytes(body)):x8}\n";

        // An intact mark, one whose checksum does not match, and one a crash cut short.
        File.WriteAllText(Path.Combine(_outbox.FullName, "outbox-crashed.log"), $"{written}M 2 {key} {long.MaxValue} {end} 00000000\n{written[..20]}");
        File.WriteAllBytes(Path.Combine(_outbox.FullName, "outbox-garbage.log"), [0, 159, 255, 10, 13, 0]);

        await using var successor = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens, o => o.OutboxPath = _outbox.FullName);
        Assert.Equal(0, await successor.PublishedAsync());
        await using var elsewhere = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);

        Assert.Equal(HttpStatusCode.Unauthorized, await elsewhere.GetMeAsync(intact));
        Assert.Contains("OutboxLinesDamaged: 2 lines of the outbox file", successor.Log.ToString(), StringComparison.Ordinal);
        Assert.Empty(_outbox.GetFiles("outbox-crashed.log"));
    }

    [RedisFact]
    public async Task RevokedUserStoppedDuringAnOutage_TheNextInstanceWithTheSameFolderPublishesIt_KeepingItsTime()
    {
        await using var redis = await RedisProcess.StartAsync();
        var issuedBefore = _tokens.CreateFor("user-outbox", issuedAt: DateTimeOffset.UtcNow.AddMinutes(-5));
        var issuedAfter = _tokens.CreateFor("user-outbox", issuedAt: DateTimeOffset.UtcNow);
        await using (var stopping = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens, o => o.OutboxPath = _outbox.FullName))
        {
            await redis.KillAsync();
            await stopping.Registry.RevokeUserAsync(TestTokens.Issuer, "user-outbox", DateTimeOffset.UtcNow.AddMinutes(-1));
        }

        await redis.RestartAsync();
        await using var successor = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens, o => o.OutboxPath = _outbox.FullName);
        Assert.Equal(0, await successor.PublishedAsync());
        await using var elsewhere = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens);

        Assert.Equal(HttpStatusCode.Unauthorized, await elsewhere.GetMeAsync(issuedBefore));
        Assert.Equal(HttpStatusCode.OK, await elsewhere.GetMeAsync(issuedAfter));
    }

    [Fact]
    public async Task ALiveInstancesFile_IsNeverTakenOver()
    {
        var nobodyListens = $"127.0.0.1:{RedisProcess.FreePort()},connectTimeout=500";
        var options = new RedisRevokedTokenRegistryOptions { Redis = nobodyListens, OutboxPath = _outbox.FullName, KeyPrefix = "outbox-tests" };
        var alive = new RedisRevokedTokenRegistry(options, lifetimes: null, timeProvider: null, loggers: null);
        await alive.MarkRevokedAsync("opaque-" + Guid.NewGuid().ToString("N"));

        var starting = new RedisRevokedTokenRegistry(options, lifetimes: null, timeProvider: null, loggers: null);
        var held = (starting.Count, _outbox.GetFiles().Length);
        await starting.DisposeAsync();
        await alive.DisposeAsync();

        Assert.Equal((0, 2), held);
        Assert.Contains(" 1 ", File.ReadAllText(Assert.Single(_outbox.GetFiles()).FullName), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task MarksRedisConfirmed_LeaveNothingBehind()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using (var instance = await FleetInstance.StartAsync(redis.Configuration, _authing, _tokens, o => o.OutboxPath = _outbox.FullName))
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.True(await instance.RevokeAsync(_tokens.Create(withJwtId: true)));
            }

            Assert.Equal(0, await instance.PublishedAsync());
        }

        Assert.Empty(_outbox.GetFiles());
    }

    public void Dispose()
    {
        _authing.Dispose();
        _tokens.Dispose();
        File.Delete(_publicKeyFile);
        _outbox.Delete(recursive: true);
    }
}
