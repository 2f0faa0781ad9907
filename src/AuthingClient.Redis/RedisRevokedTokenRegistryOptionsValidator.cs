using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthingClient.Redis;

/// <summary>Checks <see cref="RedisRevokedTokenRegistryOptions"/> at start-up; messages name the setting and never echo the connection string (it may hold a password).</summary>
internal sealed class RedisRevokedTokenRegistryOptionsValidator : IValidateOptions<RedisRevokedTokenRegistryOptions>
{
    public static readonly RedisRevokedTokenRegistryOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, RedisRevokedTokenRegistryOptions options)
    {
        var failures = new List<string>();
        if (options.UseRegisteredConnection)
        {
            if (!string.IsNullOrWhiteSpace(options.Redis))
            {
                failures.Add($"{RedisRevokedTokenRegistryOptions.SectionName}:Redis and UseRegisteredConnection are both set: the registry would not know which connection to use; set one.");
            }
        }
        else if (options.RegisteredConnectionKey is not null)
        {
            failures.Add("RegisteredConnectionKey is set but UseRegisteredConnection is not: set UseRegisteredConnection to use the registered connection.");
        }
        else if (string.IsNullOrWhiteSpace(options.Redis))
        {
            failures.Add($"{RedisRevokedTokenRegistryOptions.SectionName}:Redis is required (or UseRegisteredConnection): the StackExchange.Redis configuration string (e.g. redis:6379).");
        }
        else if (!IsParseable(options.Redis))
        {
            failures.Add($"{RedisRevokedTokenRegistryOptions.SectionName}:Redis is not a valid StackExchange.Redis configuration string.");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix) || options.KeyPrefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            failures.Add("KeyPrefix must be non-empty and must not contain '{' or '}' (the registry adds its own hash tag).");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add("PollInterval must be between 10 milliseconds and 1 minute.");
        }

        if (options.FailClosedAfter <= options.PollInterval && options.FailClosedAfter != Timeout.InfiniteTimeSpan)
        {
            // A shorter one would fail closed between two reads of a healthy replica.
            failures.Add("FailClosedAfter must be longer than PollInterval, or Timeout.InfiniteTimeSpan (-00:00:00.001) to never fail closed.");
        }

        if (options.LoadTimeout < TimeSpan.Zero)
        {
            failures.Add("LoadTimeout must not be negative.");
        }

        if (options.LogRetention < TimeSpan.FromMinutes(1))
        {
            failures.Add("LogRetention must be at least 1 minute.");
        }

        if (options.OutboxPath is not null && string.IsNullOrWhiteSpace(options.OutboxPath))
        {
            failures.Add("OutboxPath must name a folder when set (leave it unset to keep unconfirmed revocations in memory).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsParseable(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
