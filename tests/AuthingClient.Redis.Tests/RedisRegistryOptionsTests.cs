using AuthingClient.Redis;
using AuthingClient.Revocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthingClient.Redis.Tests;

/// <summary>The replicated registry's settings: bound from configuration, checked at start-up, never echoing the connection string.</summary>
public sealed class RedisRegistryOptionsTests
{
    [Fact]
    public void Section_BindsEverySetting_IncludingTheEntryLifetimes()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Authing:RevokedTokens:Redis"] = "127.0.0.1:6390",
            ["Authing:RevokedTokens:FailClosedAfter"] = "00:05:00",
            ["Authing:RevokedTokens:PollInterval"] = "00:00:00.250",
            ["Authing:RevokedTokens:LoadTimeout"] = "00:00:03",
            ["Authing:RevokedTokens:LogRetention"] = "02:00:00",
            ["Authing:RevokedTokens:KeyPrefix"] = "shop",
            ["Authing:RevokedTokens:MaxTokenLifetime"] = "7.00:00:00",
            ["Authing:RevokedTokens:ClockSkew"] = "00:01:00",
        });

        var options = provider.GetRequiredService<IOptions<RedisRevokedTokenRegistryOptions>>().Value;
        var lifetimes = provider.GetRequiredService<IOptions<RevokedTokenRegistryOptions>>().Value;

        Assert.Equal(
            ("127.0.0.1:6390", TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3), TimeSpan.FromHours(2), "shop"),
            (options.Redis, options.FailClosedAfter, options.PollInterval, options.LoadTimeout, options.LogRetention, options.KeyPrefix));
        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromMinutes(1)), (lifetimes.MaxTokenLifetime, lifetimes.ClockSkew));
        Assert.IsType<RedisRevokedTokenRegistry>(provider.GetRequiredService<RevokedTokenRegistry>());
    }

    [Fact]
    public void RegisteredConnectionSettings_Bind_AndNeedNoConnectionString()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Authing:RevokedTokens:UseRegisteredConnection"] = "true",
            ["Authing:RevokedTokens:RegisteredConnectionKey"] = "cache",
        });

        var options = provider.GetRequiredService<IOptions<RedisRevokedTokenRegistryOptions>>().Value;

        Assert.Equal((true, "cache", null), (options.UseRegisteredConnection, options.RegisteredConnectionKey, options.Redis));
    }

    [Theory]
    [InlineData("127.0.0.1:6390", "true", null, "Redis and UseRegisteredConnection are both set")]
    [InlineData(null, null, "cache", "RegisteredConnectionKey is set but UseRegisteredConnection is not")]
    public void AmbiguousConnectionSettings_FailNamingThem(string? redis, string? useRegistered, string? key, string expected)
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Authing:RevokedTokens:Redis"] = redis,
            ["Authing:RevokedTokens:UseRegisteredConnection"] = useRegistered,
            ["Authing:RevokedTokens:RegisteredConnectionKey"] = key,
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisRevokedTokenRegistryOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingConnectionString_FailsNamingTheSetting()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Authing:RevokedTokens:KeyPrefix"] = "shop" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisRevokedTokenRegistryOptions>>().Value);

        Assert.Contains("Authing:RevokedTokens:Redis is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSettings_FailNamingEachWithoutEchoingTheConnectionString()
    {
        const string Password = "s3cret-redis-password";
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Authing:RevokedTokens:Redis"] = $"password={Password},connectTimeout=soon",
            ["Authing:RevokedTokens:PollInterval"] = "00:00:00",
            ["Authing:RevokedTokens:FailClosedAfter"] = "00:00:00",
            ["Authing:RevokedTokens:KeyPrefix"] = "{shop}",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisRevokedTokenRegistryOptions>>().Value);

        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.Contains("Authing:RevokedTokens:Redis is not a valid", error.Message, StringComparison.Ordinal);
        Assert.Contains("PollInterval", error.Message, StringComparison.Ordinal);
        Assert.Contains("FailClosedAfter", error.Message, StringComparison.Ordinal);
        Assert.Contains("KeyPrefix", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthingRedisRevokedTokenRegistry(configuration.GetSection(RedisRevokedTokenRegistryOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
