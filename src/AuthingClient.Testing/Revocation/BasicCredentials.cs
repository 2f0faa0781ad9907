using System.Text;

namespace AuthingClient.Testing.Revocation;

/// <summary>
/// The client credentials of an HTTP Basic <c>Authorization</c> header, read as RFC 6749 §2.3.1
/// requires: base64 of <c>id:secret</c>, split at the first colon, each half form-decoded. A
/// client that forgets to form-encode a secret containing <c>+</c>, <c>%</c> or <c>:</c> fails here
/// as it would at a real authorization server.
/// </summary>
internal readonly record struct BasicCredentials(string ClientId, string ClientSecret)
{
    private const string Scheme = "Basic";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsBasic(string authorization) =>
        authorization.Length > Scheme.Length
        && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
        && authorization[Scheme.Length] == ' ';

    public static bool TryParse(string authorization, out BasicCredentials credentials)
    {
        credentials = default;
        if (!IsBasic(authorization))
        {
            return false;
        }

        var encoded = authorization.AsSpan(Scheme.Length).Trim(' ');
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
        {
            return false;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0
            || !FormDecoding.TryDecode(text[..colon], out var clientId)
            || !FormDecoding.TryDecode(text[(colon + 1)..], out var clientSecret))
        {
            return false;
        }

        credentials = new BasicCredentials(clientId, clientSecret);
        return true;
    }

    /// <summary>Never shows the secret.</summary>
    public override string ToString() => $"BasicCredentials({ClientId}, ***)";
}
