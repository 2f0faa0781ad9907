using Microsoft.Extensions.Options;

namespace AuthingClient.AspNetCore.Webhooks;

/// <summary>Checks <see cref="AuthingWebhookOptions"/> at start-up; messages name the setting and never echo the secret.</summary>
internal sealed class AuthingWebhookOptionsValidator : IValidateOptions<AuthingWebhookOptions>
{
    /// <summary>Shorter secrets can be guessed; Authing's console lets the developer choose any.</summary>
    public const int MinimumSecretLength = 16;

    public static readonly AuthingWebhookOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, AuthingWebhookOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add($"{AuthingWebhookOptions.SectionName}:Secret is required: the secret set for the webhook in the Authing console (sent as x-authing-webhook-secret).");
        }
        else if (options.Secret.Length < MinimumSecretLength)
        {
            failures.Add($"{AuthingWebhookOptions.SectionName}:Secret must be at least {MinimumSecretLength} characters long.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{AuthingWebhookOptions.SectionName}:Issuer is required when no Authing client with an AppHost is registered: the iss of the tokens the webhook revokes, e.g. https://example.authing.cn/oidc.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
