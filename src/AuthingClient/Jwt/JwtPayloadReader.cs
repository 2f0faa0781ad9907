using System.Buffers;
using System.Text.Json;

namespace AuthingClient.Jwt;

/// <summary>
/// Reads, in one pass and WITHOUT validating the token, every claim of a JWT the library uses:
/// <c>iss</c>, <c>jti</c>, <c>sub</c>, <c>aud</c>, <c>sid</c>, <c>iat</c> and <c>exp</c>, and hands them to a
/// <see cref="IJwtClaimsConsumer{T}"/> as spans over a buffer it owns. Only a three-segment JWS compact
/// token with a base64url payload holding one JSON object is a JWT here; anything else (an opaque
/// token, a JWE, whose payload is encrypted) is not. Allocates nothing for a JWT with at most eight
/// audiences.
/// </summary>
/// <remarks>
/// RFC 7519 §4: with a duplicated claim, only the lexically last one counts; nested objects are never
/// read as claims. Claims of the wrong JSON type count as absent, as they do for JwtBearer (which
/// refuses such a token anyway) — except a numeric <c>sub</c>, which JwtBearer reads as its text too.
/// </remarks>
internal static class JwtPayloadReader
{
    /// <summary>9999-12-31T23:59:59Z, the last second a <see cref="DateTimeOffset"/> holds.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    private const int InlineAudiences = 8;

    /// <summary>Reads <paramref name="token"/> and tells <paramref name="consumer"/> what it is.</summary>
    public static T Read<T, TConsumer>(string token, TConsumer consumer)
        where TConsumer : struct, IJwtClaimsConsumer<T>
    {
        if (!CompactJws.TrySplit(token, out var signedPart, out var payload))
        {
            return consumer.NotAJws(token);
        }

        var maxLength = CompactJws.MaxDecodedLength(payload);

        // The decoded payload, then room for the claims' unescaped values: no claim is longer than
        // its own text in the payload, so together they fit in the payload's length.
        var bufferLength = 2 * maxLength;
        byte[]? rented = null;
        var buffer = bufferLength <= 2 * CompactJws.StackLimit ? stackalloc byte[bufferLength] : (rented = ArrayPool<byte>.Shared.Rent(bufferLength));
        Span<Range> inline = stackalloc Range[InlineAudiences];
        Range[]? rentedAudiences = null;
        try
        {
            var json = buffer[..maxLength];
            var values = buffer.Slice(maxLength, maxLength);
            if (!CompactJws.TryDecode(payload, json, out var jsonLength)
                || !TryReadClaims(json[..jsonLength], values, inline, ref rentedAudiences, out var found))
            {
                return consumer.Unreadable(signedPart);
            }

            ReadOnlySpan<Range> audiences = rentedAudiences is null ? inline : rentedAudiences;
            return consumer.Claims(new JwtClaims(values, audiences[..found.AudienceCount], found), signedPart);
        }
        finally
        {
            if (rentedAudiences is not null)
            {
                ArrayPool<Range>.Shared.Return(rentedAudiences);
            }

            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool TryReadClaims(ReadOnlySpan<byte> json, Span<byte> values, scoped Span<Range> inline, ref Range[]? rentedAudiences, out JwtClaimRanges found)
    {
        found = default;
        Range issuer = default, jwtId = default, subject = default, sessionId = default;
        long? issuedAt = null, expiresAt = null;
        var audienceCount = 0;
        var used = 0;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var claim = Claim(ref reader);
                reader.Read();
                switch (claim)
                {
                    case ClaimName.Issuer:
                        issuer = TryCopyString(ref reader, values, ref used, out var range) ? range : default;
                        break;
                    case ClaimName.JwtId:
                        jwtId = TryCopyString(ref reader, values, ref used, out var id) ? id : default;
                        break;
                    case ClaimName.Subject:
                        subject = TryCopyString(ref reader, values, ref used, out var sub) || TryCopyNumber(ref reader, values, ref used, out sub) ? sub : default;
                        break;
                    case ClaimName.SessionId:
                        sessionId = TryCopyString(ref reader, values, ref used, out var sid) ? sid : default;
                        break;
                    case ClaimName.Audience:
                        audienceCount = ReadAudiences(ref reader, values, ref used, inline, ref rentedAudiences);
                        break;
                    case ClaimName.IssuedAt:
                        // Rounded down: a fractional iat then counts as earlier, so a revocation never misses it.
                        issuedAt = ReadNumericDate(ref reader, roundUp: false);
                        break;
                    case ClaimName.ExpiresAt:
                        // Rounded up: the entry never ends before the token does.
                        expiresAt = ReadNumericDate(ref reader, roundUp: true);
                        break;
                    default:
                        break;
                }

                reader.Skip();
            }

            // One JSON object and nothing after it (whitespace aside), as JwtBearer requires.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        found = new JwtClaimRanges(issuer, jwtId, subject, sessionId, audienceCount, issuedAt, expiresAt);
        return true;
    }

    /// <summary>Copies a string value, unescaped, into the next free part of <paramref name="values"/>.</summary>
    private static bool TryCopyString(ref Utf8JsonReader reader, Span<byte> values, ref int used, out Range range)
    {
        range = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var length = reader.CopyString(values[used..]);
        range = used..(used + length);
        used += length;
        return true;
    }

    /// <summary>Copies a number's text as written (JwtBearer reads a numeric <c>sub</c> as its text).</summary>
    private static bool TryCopyNumber(ref Utf8JsonReader reader, Span<byte> values, ref int used, out Range range)
    {
        range = default;
        if (reader.TokenType != JsonTokenType.Number || reader.HasValueSequence)
        {
            return false;
        }

        reader.ValueSpan.CopyTo(values[used..]);
        range = used..(used + reader.ValueSpan.Length);
        used += reader.ValueSpan.Length;
        return true;
    }

    /// <summary>Reads <c>aud</c>, a string or an array of strings (others skipped, as JwtBearer skips nulls); returns how many.</summary>
    private static int ReadAudiences(ref Utf8JsonReader reader, Span<byte> values, ref int used, scoped Span<Range> inline, ref Range[]? rented)
    {
        var audiences = rented is null ? inline : rented;
        if (reader.TokenType == JsonTokenType.String)
        {
            TryCopyString(ref reader, values, ref used, out audiences[0]);
            return 1;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return 0;
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryCopyString(ref reader, values, ref used, out var range))
            {
                reader.Skip();
                continue;
            }

            if (count == audiences.Length)
            {
                var larger = ArrayPool<Range>.Shared.Rent(count * 2);
                audiences.CopyTo(larger);
                if (rented is not null)
                {
                    ArrayPool<Range>.Shared.Return(rented);
                }

                rented = larger;
                audiences = larger;
            }

            audiences[count++] = range;
        }

        return count;
    }

    /// <summary>A NumericDate (RFC 7519 §2): a JSON number of seconds, possibly fractional; anything else is unreadable.</summary>
    private static long? ReadNumericDate(ref Utf8JsonReader reader, bool roundUp)
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
            ? (long)(roundUp ? Math.Ceiling(fractional) : Math.Floor(fractional))
            : null;
    }

    private enum ClaimName
    {
        Other,
        Issuer,
        JwtId,
        Subject,
        SessionId,
        Audience,
        IssuedAt,
        ExpiresAt,
    }

    private static ClaimName Claim(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("iss"u8) ? ClaimName.Issuer
        : reader.ValueTextEquals("jti"u8) ? ClaimName.JwtId
        : reader.ValueTextEquals("sub"u8) ? ClaimName.Subject
        : reader.ValueTextEquals("sid"u8) ? ClaimName.SessionId
        : reader.ValueTextEquals("aud"u8) ? ClaimName.Audience
        : reader.ValueTextEquals("iat"u8) ? ClaimName.IssuedAt
        : reader.ValueTextEquals("exp"u8) ? ClaimName.ExpiresAt
        : ClaimName.Other;
}
