using Microsoft.Extensions.Options;

namespace AuthingClient.AspNetCore.BackChannelLogout;

/// <summary>Checks <see cref="BackChannelLogoutOptions"/> at start-up; messages name the setting.</summary>
internal sealed class BackChannelLogoutOptionsValidator : IValidateOptions<BackChannelLogoutOptions>
{
    public static readonly BackChannelLogoutOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, BackChannelLogoutOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{BackChannelLogoutOptions.SectionName}:ClientId is required: this application's client id (Authing's App ID), which a logout token's aud must contain.");
        }

        if (string.IsNullOrWhiteSpace(options.AuthenticationScheme))
        {
            failures.Add($"{BackChannelLogoutOptions.SectionName}:AuthenticationScheme is required: the JwtBearer scheme whose keys validate logout tokens (default Bearer).");
        }

        if (options.MaxTokenAge < TimeSpan.FromSeconds(1) || options.MaxTokenAge > TimeSpan.FromHours(1))
        {
            failures.Add($"{BackChannelLogoutOptions.SectionName}:MaxTokenAge must be between 00:00:01 and 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
