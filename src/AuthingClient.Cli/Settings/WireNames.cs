using System.ComponentModel;
using System.Globalization;

namespace AuthingClient.Cli.Settings;

/// <summary>
/// Reads and writes the OAuth names the CLI's flags use (<c>client_secret_basic</c>,
/// <c>refresh_token</c>, <c>oauth</c>), through the library's own type converters where it has them.
/// </summary>
internal static class WireNames
{
    public const string Protocols = "oidc or oauth";
    public const string AuthMethods = "client_secret_post, client_secret_basic or none";
    public const string Hints = "access_token or refresh_token";

    public static bool TryParseProtocol(string text, out AuthingProtocol protocol)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "OIDC":
                protocol = AuthingProtocol.Oidc;
                return true;
            case "OAUTH":
                protocol = AuthingProtocol.OAuth;
                return true;
            default:
                protocol = default;
                return false;
        }
    }

    public static string ToWireName(AuthingProtocol protocol) => protocol == AuthingProtocol.OAuth ? "oauth" : "oidc";

    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        try
        {
            value = TypeDescriptor.GetConverter(typeof(TEnum)).ConvertFromInvariantString(text) is TEnum parsed ? parsed : default;
            return Enum.IsDefined(value);
        }
        catch (FormatException)
        {
            value = default;
            return false;
        }
    }

    public static string ToWireName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        TypeDescriptor.GetConverter(typeof(TEnum)).ConvertToString(null, CultureInfo.InvariantCulture, value) ?? value.ToString();
}
