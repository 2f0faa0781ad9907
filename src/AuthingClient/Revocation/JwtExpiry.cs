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
        if (!CompactJws.TrySplit(token, out _, out var payload))
        {
            return false;
        }

        var json = new byte[CompactJws.MaxDecodedLength(payload)];
        return CompactJws.TryDecode(payload, json, out var written)
            && TryReadExp(json.AsSpan(0, written), out expiresAt);
    }

    private static bool TryReadExp(ReadOnlySpan<byte> json, out DateTimeOffset expiresAt)
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
