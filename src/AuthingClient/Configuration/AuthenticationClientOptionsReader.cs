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

        if (section[nameof(options.AllowInsecureHttp)] is { } allowHttp)
        {
            options.AllowInsecureHttp = bool.TryParse(allowHttp, out var parsed)
                ? parsed
                : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{nameof(options.AllowInsecureHttp)} must be true or false."));
        }
    }
}
