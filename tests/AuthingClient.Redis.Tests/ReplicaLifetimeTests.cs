using AuthingClient.Redis;
using AuthingClient.Redis.Tests.Support;
using AuthingClient.TestSupport;

namespace AuthingClient.Redis.Tests;

/// <summary>Starting and stopping a replica never hangs, whatever state Redis and the replica are in.</summary>
public sealed class ReplicaLifetimeTests
{
    [Fact]
    public async Task DisposedWhileStillConnecting_Stops()
    {
        var nobodyListens = $"127.0.0.1:{RedisProcess.FreePort()},connectTimeout=1000";
        var registry = new RedisRevokedTokenRegistry(new RedisRevokedTokenRegistryOptions { Redis = nobodyListens }, lifetimes: null, timeProvider: null, loggers: null);
        _ = registry.StartAsync();

        var disposed = registry.DisposeAsync().AsTask();

        Assert.Same(disposed, await Task.WhenAny(disposed, Task.Delay(FleetInstance.Patience)));
        await disposed;
    }

    [RedisFact]
    public async Task DisposedWithMarksRedisNeverConfirmed_StopsAfterTheDrainTime()
    {
        await using var redis = await RedisProcess.StartAsync();
        var registry = new RedisRevokedTokenRegistry(new RedisRevokedTokenRegistryOptions { Redis = redis.Configuration, KeyPrefix = "lifetime-tests" }, lifetimes: null, timeProvider: null, loggers: null);
        Assert.True(await registry.WaitUntilLoadedAsync(FleetInstance.Patience, CancellationToken.None));
        await redis.KillAsync();
        await registry.MarkRevokedAsync("opaque-" + Guid.NewGuid().ToString("N"));

        var disposed = registry.DisposeAsync().AsTask();

        Assert.Same(disposed, await Task.WhenAny(disposed, Task.Delay(FleetInstance.Patience)));
        await disposed;
        Assert.Equal(1, registry.Outbox.Pending);
    }
}
