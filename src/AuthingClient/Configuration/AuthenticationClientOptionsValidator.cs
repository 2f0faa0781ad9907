using Microsoft.Extensions.Options;

namespace AuthingClient.Configuration;

/// <summary>
/// Checks <see cref="AuthenticationClientOptions"/> before any request is made, so a
/// misconfiguration fails at start-up with a message that names the setting.
/// </summary>
internal sealed class AuthenticationClientOptionsValidator : IValidateOptions<AuthenticationClientOptions>
{
    public static readonly AuthenticationClientOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, AuthenticationClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add($"{nameof(options.AppId)} is required: the application's ID from the Authing console.");
        }

        if (string.IsNullOrWhiteSpace(options.AppHost))
        {
            failures.Add($"{nameof(options.AppHost)} is required: the application's Authing domain, e.g. https://example.authing.cn.");
        }
        else if (!Uri.TryCreate(options.AppHost, UriKind.Absolute, out var host)
            || (host.Scheme != Uri.UriSchemeHttps && host.Scheme != Uri.UriSchemeHttp))
        {
            // The value is not echoed: a URI may carry user information.
            failures.Add($"{nameof(options.AppHost)} must be an absolute http(s) URI, e.g. https://example.authing.cn.");
        }
        else if (host.UserInfo.Length > 0)
        {
            // Credentials in the URI would ride along wherever AppHost is printed; the client
            // authenticates with AppId and AppSecret. The value is not echoed.
            failures.Add($"{nameof(options.AppHost)} must not contain user information (user:password@); set {nameof(options.AppId)} and {nameof(options.AppSecret)} instead.");
        }
        else if (host.Scheme == Uri.UriSchemeHttp && !host.IsLoopback && !options.AllowInsecureHttp)
        {
            // The request carries the client secret and the token: plain HTTP only where nothing leaves the machine.
            failures.Add($"{nameof(options.AppHost)} must use https unless it is a loopback address; set {nameof(options.AllowInsecureHttp)} to allow plain http.");
        }

        if (!Enum.IsDefined(options.Protocol))
        {
            failures.Add($"{nameof(options.Protocol)} must be {WireNames.Protocol.Expected}.");
        }

        if (!Enum.IsDefined(options.RevocationEndPointAuthMethod))
        {
            failures.Add($"{nameof(options.RevocationEndPointAuthMethod)} must be {WireNames.AuthMethod.Expected}.");
        }
        else if (options.RevocationEndPointAuthMethod != ClientAuthenticationMethod.None
            && string.IsNullOrEmpty(options.AppSecret))
        {
            failures.Add($"{nameof(options.AppSecret)} is required when {nameof(options.RevocationEndPointAuthMethod)} is {WireNames.AuthMethod.ToWireName(options.RevocationEndPointAuthMethod)}.");
        }

        if (options.AppSecret is { } secret && secret.AsSpan().ContainsAnyExceptInRange('\x20', '\x7E'))
        {
            // RFC 6749 Appendix A: client secrets are VSCHAR (printable ASCII).
            failures.Add($"{nameof(options.AppSecret)} must contain only printable ASCII characters.");
        }

        if (options.Protocol == AuthingProtocol.OAuth
            && options.RevocationEndPointAuthMethod == ClientAuthenticationMethod.ClientSecretBasic)
        {
            // Authing's own SDKs refuse this pair before sending: its OAuth 2.0 revocation endpoint
            // does not read Basic credentials (the spec's OAuth operation declares no Basic scheme).
            failures.Add($"{nameof(options.RevocationEndPointAuthMethod)} client_secret_basic is not supported with {nameof(options.Protocol)} oauth: use client_secret_post or none.");
        }

        if (!Enum.IsDefined(options.RevokedTokenMarking))
        {
            failures.Add($"{nameof(options.RevokedTokenMarking)} must be {WireNames.Marking.Expected}.");
        }

        if (options.RevocationObservers.Any(o => o is null))
        {
            failures.Add($"{nameof(options.RevocationObservers)} must not contain null.");
        }

        ValidateResilience(options, failures);

        if (failures.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        // A process with several clients (keyed registrations) must be told which one is wrong;
        // the unnamed client's messages stay as they are.
        return ValidateOptionsResult.Fail(string.IsNullOrEmpty(name) ? failures : failures.Select(failure => $"Authing client '{name}': {failure}"));
    }

    private static void ValidateResilience(AuthenticationClientOptions options, List<string> failures)
    {
        // Sane bounds, not a library limit: below 10 ms no HTTP attempt can succeed, and a day is
        // far beyond any useful wait (it also keeps the delay arithmetic far from overflow).
        var minimum = TimeSpan.FromMilliseconds(10);
        var maximum = TimeSpan.FromHours(24);
        if (options.Timeout < minimum || options.Timeout > maximum)
        {
            failures.Add($"{nameof(options.Timeout)} must be between 10 ms and 24 h.");
        }

        if (options.AttemptTimeout < minimum || options.AttemptTimeout > maximum)
        {
            failures.Add($"{nameof(options.AttemptTimeout)} must be between 10 ms and 24 h.");
        }

        if (options.Retry is not { } retry)
        {
            failures.Add($"{nameof(options.Retry)} is required; set Retry.MaxAttempts to 1 to turn retries off.");
            return;
        }

        if (retry.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"{nameof(options.Retry)}.{nameof(retry.MaxAttempts)} must be between 1 (no retries) and 10.");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > maximum)
        {
            failures.Add($"{nameof(options.Retry)}.{nameof(retry.BaseDelay)} must be between 0 and 24 h.");
        }

        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > maximum)
        {
            failures.Add($"{nameof(options.Retry)}.{nameof(retry.MaxDelay)} must be at least {nameof(retry.BaseDelay)} and at most 24 h.");
        }
    }
}
