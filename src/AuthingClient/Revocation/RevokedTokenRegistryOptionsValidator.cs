using Microsoft.Extensions.Options;

namespace AuthingClient.Revocation;

/// <summary>
/// Checks <see cref="RevokedTokenRegistryOptions"/>: at start-up with dependency injection, in the
/// registry's constructor otherwise.
/// </summary>
internal sealed class RevokedTokenRegistryOptionsValidator : IValidateOptions<RevokedTokenRegistryOptions>
{
    public static readonly RevokedTokenRegistryOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, RevokedTokenRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.MaxTokenLifetime < TimeSpan.FromSeconds(1) || options.MaxTokenLifetime > TimeSpan.FromDays(365))
        {
            failures.Add($"{nameof(options.MaxTokenLifetime)} must be between 1 second and 365 days.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromDays(1))
        {
            failures.Add($"{nameof(options.ClockSkew)} must be between 0 and 1 day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
