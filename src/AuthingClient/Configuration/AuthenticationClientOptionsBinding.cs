using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace AuthingClient.Configuration;

/// <summary>
/// Binds <see cref="AuthenticationClientOptions"/> from configuration with the configuration-binding
/// source generator (no reflection, trim/AOT-safe), and adds the two things it cannot do: enum
/// settings by the OAuth names Authing's console shows (<c>client_secret_basic</c>), and errors that
/// name a malformed setting without quoting its value.
/// </summary>
internal static class AuthenticationClientOptionsBinding
{
    /// <summary>The settings the generator would parse by .NET name only (or as a number), so it never sees them.</summary>
    private static readonly HashSet<string> EnumSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(AuthenticationClientOptions.Protocol),
        nameof(AuthenticationClientOptions.RevocationEndPointAuthMethod),
        nameof(AuthenticationClientOptions.RevokedTokenMarking),
    };

    /// <summary>What a malformed value should have looked like, by the type the generator failed to parse.</summary>
    private static readonly Dictionary<string, string> ExpectedByType = new(StringComparer.Ordinal)
    {
        [typeof(bool).ToString()] = "true or false",
        [typeof(int).ToString()] = "a whole number",
        [typeof(TimeSpan).ToString()] = "a time span such as 00:00:30",
    };

    /// <exception cref="FormatException">A value cannot be parsed; the message names the setting's path.</exception>
    public static void Bind(IConfiguration section, AuthenticationClientOptions options)
    {
        try
        {
            // Intercepted by the configuration-binding generator (EnableConfigurationBindingGenerator).
            new WithoutEnumSettings(section).Bind(options);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is FormatException or OverflowException)
        {
            // Not chained: the generator's message quotes the value, and a value may be a misplaced secret.
            throw new FormatException(MalformedValueMessage(exception.Message, section));
        }

        // An unknown name is kept as an undefined value, so the validator reports it with the
        // accepted names, alongside every other misconfiguration.
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
            options.RevokedTokenMarking = WireNames.Marking.TryParse(marking, out var parsed) ? parsed : (RevokedTokenMarking)(-1);
        }
    }

    /// <summary>
    /// <c>Authing:Timeout must be a time span such as 00:00:30.</c>, from the generator's
    /// <c>Failed to convert configuration value '…' at 'Authing:Timeout' to type 'System.TimeSpan'.</c>:
    /// its message is the only place that names the failing setting. It is read from the end, where
    /// the path and the type are, because the quoted value before them may hold anything.
    /// </summary>
    private static string MalformedValueMessage(string generated, IConfiguration section)
    {
        const string AtPath = "' at '";
        const string ToType = "' to type '";
        var typeStart = generated.LastIndexOf(ToType, StringComparison.Ordinal);
        var pathStart = typeStart < 0 ? -1 : generated.LastIndexOf(AtPath, typeStart, StringComparison.Ordinal);
        if (pathStart < 0 || !generated.EndsWith("'.", StringComparison.Ordinal))
        {
            // A generator whose wording changed: still name what can be named, and never the value.
            return $"{(section as IConfigurationSection)?.Path ?? "The configuration"} has a malformed value.";
        }

        var path = generated[(pathStart + AtPath.Length)..typeStart];
        var type = generated[(typeStart + ToType.Length)..^"'.".Length];
        return $"{path} must be {(ExpectedByType.TryGetValue(type, out var expected) ? expected : $"a {type}")}.";
    }

    /// <summary>The section as the generator gets it: the same, but with no enum settings.</summary>
    private sealed class WithoutEnumSettings(IConfiguration section) : IConfiguration
    {
        public string? this[string key]
        {
            get => EnumSettings.Contains(key) ? null : section[key];
            set => section[key] = value;
        }

        public IConfigurationSection GetSection(string key) => section.GetSection(key);

        public IEnumerable<IConfigurationSection> GetChildren() => section.GetChildren();

        public IChangeToken GetReloadToken() => section.GetReloadToken();
    }
}
