using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AuthingClient.Redis.Tests;

/// <summary>
/// Issue 19, item 5: the registry uses the application's <see cref="IConnectionMultiplexer"/> (plain
/// or keyed, as .NET Aspire's <c>AddRedisClient</c> and <c>AddKeyedRedisClient</c> register it) and
/// never disposes it; a connection it opened itself it closes.
/// </summary>
public sealed class SharedConnectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [RedisFact]
    public async Task RegisteredConnection_IsUsed_AndOutlivesTheRegistry()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var application = await redis.ConnectAsync();
        var clientsBefore = await ClientCountAsync(redis);
        var services = Services(o => o.UseRegisteredConnection = true);
        services.AddSingleton<IConnectionMultiplexer>(application);

        var token = "opaque-" + Guid.NewGuid().ToString("N");
        await using (var provider = services.BuildServiceProvider())
        {
            await MarkAndPublishAsync(provider, token);
            Assert.Equal(clientsBefore, await ClientCountAsync(redis));
        }

        Assert.True(application.IsConnected);
        Assert.Equal(1, await application.GetDatabase().SortedSetLengthAsync("{shared-tests}:live"));
        Assert.Equal(0, await application.GetSubscriber().PublishAsync(RedisChannel.Literal("{shared-tests}:appended"), "after the registry"));
    }

    [RedisFact]
    public async Task KeyedRegisteredConnection_IsTheOneUsed()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var other = await RedisProcess.StartAsync();
        await using var revocations = await redis.ConnectAsync();
        await using var cache = await other.ConnectAsync();
        var services = Services(o =>
        {
            o.UseRegisteredConnection = true;
            o.RegisteredConnectionKey = "revocations";
        });
        services.AddSingleton<IConnectionMultiplexer>(cache);
        services.AddKeyedSingleton<IConnectionMultiplexer>("revocations", revocations);

        await using (var provider = services.BuildServiceProvider())
        {
            await MarkAndPublishAsync(provider, "opaque-" + Guid.NewGuid().ToString("N"));
        }

        Assert.Equal(1, await revocations.GetDatabase().SortedSetLengthAsync("{shared-tests}:live"));
        Assert.False(await cache.GetDatabase().KeyExistsAsync("{shared-tests}:live"));
        Assert.True(revocations.IsConnected);
    }

    [RedisFact]
    public async Task OwnConnection_IsClosedWithTheRegistry()
    {
        await using var redis = await RedisProcess.StartAsync();
        var clientsBefore = await ClientCountAsync(redis);
        var services = Services(o => o.Redis = redis.Configuration);

        int clientsWhileRunning;
        await using (var provider = services.BuildServiceProvider())
        {
            await MarkAndPublishAsync(provider, "opaque-" + Guid.NewGuid().ToString("N"));
            clientsWhileRunning = await ClientCountAsync(redis);
        }

        Assert.True(clientsWhileRunning > clientsBefore);
        Assert.Equal(clientsBefore, await Support.Eventually.Async(() => ClientCountAsync(redis), count => count == clientsBefore));
    }

    [Fact]
    public void UseRegisteredConnection_WithoutOneRegistered_FailsNamingTheSetting()
    {
        using var provider = Services(o => o.UseRegisteredConnection = true).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<RedisRevokedTokenRegistry>);

        Assert.Contains("UseRegisteredConnection", error.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Services(Action<RedisRevokedTokenRegistryOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthingRedisRevokedTokenRegistry(o =>
        {
            o.KeyPrefix = "shared-tests";
            configure(o);
        });
        return services;
    }

    private static async Task MarkAndPublishAsync(ServiceProvider provider, string token)
    {
        var registry = provider.GetRequiredService<RedisRevokedTokenRegistry>();
        Assert.True(await registry.WaitUntilLoadedAsync(Patience, CancellationToken.None));
        await provider.GetRequiredService<RevokedTokenRegistry>().MarkRevokedAsync(token);
        var published = await Support.Eventually.Async(() => Task.FromResult(registry.Outbox.Pending), pending => pending == 0);
        Assert.Equal(0, published);
    }

    // Connections other than the one asking (redis-cli's own).
    private static async Task<int> ClientCountAsync(RedisProcess redis) =>
        (await redis.CliAsync("client", "list")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
}
