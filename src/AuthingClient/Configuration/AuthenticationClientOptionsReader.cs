using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AuthingClient.Configuration;

/// <summary>
/// Reads <see cref="AuthenticationClientOptions"/> from configuration without reflection (the
/// library is trim/AOT-safe), accepting the OAuth names Authing's console shows
/// (<c>client_secret_basic</c>) as well as the .NET names. An unknown enum value is kept as an
/// undefined value so the validator reports it by setting name.
/// </summary>
internal static class AuthenticationClientOptionsReader
{
    public static void Read(IConfiguration section, AuthenticationClientOptions options)
    {
        options.AppId = section[nameof(options.AppId)] ?? options.AppId;
        options.AppSecret = section[nameof(options.AppSecret)] ?? options.AppSecret;
        options.AppHost = section[nameof(options.AppHost)] ?? options.AppHost;

        if (section[nameof(options.Protocol)] is { } protocol)
        {
            options.Protocol = WireNames.Protocol.TryParse(protocol, out var parsed) ? parsed : (AuthingProtocol)(-1);
        }

        if (section[nameof(options.RevocationEndPointAuthMethod)] is { } method)
        {
            options.RevocationEndPointAuthMethod = WireNames.AuthMethod.TryParse(method, out var parsed) ? parsed : (ClientAuthenticationMethod)(-1);
        }

        if (section[nameof(options.RevokedTokenMarking)] is { } marking)
        {
            options.RevokedTokenMarking = WireNames.Marking.TryParse(marking, out var parsed) ? parsed : (Revocation.RevokedTokenMarking)(-1);
        }

        options.AllowInsecureHttp = Value(section, nameof(options.AllowInsecureHttp), options.AllowInsecureHttp, bool.TryParse, "true or false");
        options.Timeout = Value(section, nameof(options.Timeout), options.Timeout, TryParseTimeSpan, TimeSpanFormat);
        options.AttemptTimeout = Value(section, nameof(options.AttemptTimeout), options.AttemptTimeout, TryParseTimeSpan, TimeSpanFormat);

        var retry = section.GetSection(nameof(options.Retry));
        var retryOptions = options.Retry;
        retryOptions.MaxAttempts = Value(retry, nameof(retryOptions.MaxAttempts), retryOptions.MaxAttempts, TryParseInt, "a whole number");
        retryOptions.BaseDelay = Value(retry, nameof(retryOptions.BaseDelay), retryOptions.BaseDelay, TryParseTimeSpan, TimeSpanFormat);
        retryOptions.MaxDelay = Value(retry, nameof(retryOptions.MaxDelay), retryOptions.MaxDelay, TryParseTimeSpan, TimeSpanFormat);
    }

    private const string TimeSpanFormat = "a time span such as 00:00:30";

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>The setting's value, the current one when absent; a malformed value fails naming the setting (its value may be secret-adjacent, so it is not echoed).</summary>
    private static T Value<T>(IConfiguration section, string key, T current, TryParse<T> tryParse, string expected)
    {
        if (section[key] is not { } text)
        {
            return current;
        }

        return tryParse(text.Trim(), out var value)
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{PathOf(section, key)} must be {expected}."));
    }

    private static string PathOf(IConfiguration section, string key) =>
        section is IConfigurationSection { Path: { Length: > 0 } path } ? $"{path}:{key}" : key;

    private static bool TryParseTimeSpan(string text, out TimeSpan value) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);

    private static bool TryParseInt(string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
