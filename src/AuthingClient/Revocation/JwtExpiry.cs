using System.Text.Json;

namespace AuthingClient.Revocation;

/// <summary>
/// Reads a JWT's <c>exp</c> claim (RFC 7519 §4.1.4) WITHOUT validating the token: only to know how
/// long a revoked token must be remembered. Anything that is not a three-segment JWS compact token
/// with a base64url JSON object payload and a numeric <c>exp</c> is "not readable", and the caller
/// treats the token as opaque. A JWE (five segments) is opaque too: its payload is encrypted.
/// </summary>
internal static class JwtExpiry
{
    /// <summary>9999-12-31T23:59:59Z, the last second a <see cref="DateTimeOffset"/> holds.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    public static bool TryRead(string token, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        var segments = token.AsSpan();
        var firstDot = segments.IndexOf('.');
        if (firstDot <= 0)
        {
            return false;
        }

        var afterHeader = segments[(firstDot + 1)..];
        var secondDot = afterHeader.IndexOf('.');
        if (secondDot <= 0 || afterHeader[(secondDot + 1)..].Contains('.'))
        {
            return false;
        }

        return TryDecodeBase64Url(afterHeader[..secondDot], out var payload)
            && TryReadExp(payload, out expiresAt);
    }

    /// <summary>RFC 7515 §2: base64url without padding. Any character outside that alphabet makes it unreadable.</summary>
    private static bool TryDecodeBase64Url(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1)
        {
            return false;
        }

        var padded = new char[(text.Length + 3) / 4 * 4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }

            padded[i] = c switch { '-' => '+', '_' => '/', _ => c };
        }

        padded.AsSpan(text.Length).Fill('=');
        var buffer = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(padded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    private static bool TryReadExp(byte[] json, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        long? exp = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var isExp = reader.ValueTextEquals("exp"u8);
                reader.Read();
                if (isExp)
                {
                    // RFC 7519 §4: with a duplicated claim, only the lexically last one counts.
                    exp = ReadNumericDate(ref reader);
                }

                // Steps over an object or array value, so nested names are never read as claims.
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (exp is not { } seconds)
        {
            return false;
        }

        expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>A NumericDate is a JSON number of seconds, possibly fractional: rounded up, so the entry never ends early.</summary>
    private static long? ReadNumericDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return null;
        }

        if (reader.TryGetInt64(out var whole))
        {
            return whole is >= 0 and <= MaxUnixSeconds ? whole : null;
        }

        return reader.TryGetDouble(out var fractional) && fractional is >= 0 and <= MaxUnixSeconds
            ? (long)Math.Ceiling(fractional)
            : null;
    }
}
