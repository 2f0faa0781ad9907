using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AuthingClient.Revocation;

/// <summary>
/// What identifies a revoked token in every registry, when it is marked and when it is checked: a
/// 128-bit key derived from what the issuer signed, never from the signature, and never the token.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A JWT with a <c>jti</c> is identified by its issuer and <c>jti</c> (RFC 7519 §4.1.7: unique per
/// issuer), as Auth0 and OWASP advise. Both are public identifiers, not credentials, so a fast
/// non-cryptographic hash (XxHash128) only fixes their size; the check then costs no more than a
/// dictionary look-up.</item>
/// <item>A JWT without a <c>jti</c> is identified by a SHA-256 of its signed part (header.payload).
/// The signature is left out because some signatures are malleable: an ES256 signature (r, s) is
/// just as valid as (r, n − s), so a key over the whole token could be sidestepped by re-encoding
/// the signature of a revoked token.</item>
/// <item>Anything else (an opaque token, a JWE) is identified by a SHA-256 of the whole token: a
/// credential, so only a one-way hash of it may be stored.</item>
/// </list>
/// Each kind hashes its own tag first, so keys of different kinds never meet. The key is the hash
/// truncated to 128 bits: accidental collisions among even billions of entries are out of reach.
/// </remarks>
internal readonly struct RevocationKey : IEquatable<RevocationKey>
{
    /// <summary>The length of <see cref="ToString"/>: 32 upper-case hex digits.</summary>
    public const int HexLength = 32;

    private const int StackLimit = 512;
    private static ReadOnlySpan<byte> JwtIdTag => "jti\0"u8;
    private static ReadOnlySpan<byte> SignedPartTag => "jws\0"u8;
    private static ReadOnlySpan<byte> TokenTag => "tok\0"u8;

    private readonly ulong _high;
    private readonly ulong _low;

    private RevocationKey(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>The key of a token as presented (see the remarks).</summary>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    public static RevocationKey Of(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (!CompactJws.TrySplit(token, out var signedPart, out var payload))
        {
            return OfSecret(TokenTag, token);
        }

        return TryOfJwtId(payload, out var key) ? key : OfSecret(SignedPartTag, signedPart);
    }

    /// <summary>
    /// The key of a JWT whose issuer and string <c>jti</c> a validator has already read: the same key
    /// <see cref="Of"/> gives the token, without decoding its payload again.
    /// </summary>
    /// <param name="issuer">The <c>iss</c> claim when it is a string, otherwise empty.</param>
    /// <param name="jwtId">The <c>jti</c> claim, a non-empty string.</param>
    public static RevocationKey OfJwtId(string issuer, string jwtId)
    {
        var length = JwtIdTag.Length + Encoding.UTF8.GetMaxByteCount(issuer.Length) + 1 + Encoding.UTF8.GetMaxByteCount(jwtId.Length);
        byte[]? rented = null;
        var material = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            JwtIdTag.CopyTo(material);
            var written = JwtIdTag.Length + Encoding.UTF8.GetBytes(issuer, material[JwtIdTag.Length..]);
            material[written++] = 0;
            written += Encoding.UTF8.GetBytes(jwtId, material[written..]);
            return OfJwtIdMaterial(material[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Parses <see cref="ToString"/>'s form back.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out RevocationKey key)
    {
        key = default;
        if (hex.Length != HexLength
            || !ulong.TryParse(hex[..16], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)
            || !ulong.TryParse(hex[16..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
        {
            return false;
        }

        key = new RevocationKey(high, low);
        return true;
    }

    /// <summary>32 upper-case hex digits: how registries store the key.</summary>
    public override string ToString() => string.Create(HexLength, this, static (chars, key) =>
    {
        key._high.TryFormat(chars, out _, "X16", CultureInfo.InvariantCulture);
        key._low.TryFormat(chars[16..], out _, "X16", CultureInfo.InvariantCulture);
    });

    public bool Equals(RevocationKey other) => _high == other._high && _low == other._low;

    public override bool Equals(object? obj) => obj is RevocationKey other && Equals(other);

    // The key is already a uniform hash: any 32 bits of it spread as well as a mix of all of them.
    public override int GetHashCode() => (int)_low;

    public static bool operator ==(RevocationKey left, RevocationKey right) => left.Equals(right);

    public static bool operator !=(RevocationKey left, RevocationKey right) => !left.Equals(right);

    private static RevocationKey FromDigest(ReadOnlySpan<byte> digest) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(digest), BinaryPrimitives.ReadUInt64BigEndian(digest[8..]));

    /// <summary>XxHash128 of the tag, issuer, NUL and <c>jti</c>.</summary>
    private static RevocationKey OfJwtIdMaterial(ReadOnlySpan<byte> material)
    {
        Span<byte> digest = stackalloc byte[16];
        XxHash128.Hash(material, digest);
        return FromDigest(digest);
    }

    /// <summary>SHA-256 of the tag and the UTF-8 text, truncated to 128 bits.</summary>
    private static RevocationKey OfSecret(ReadOnlySpan<byte> tag, ReadOnlySpan<char> text)
    {
        var length = tag.Length + Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var material = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            tag.CopyTo(material);
            var written = tag.Length + Encoding.UTF8.GetBytes(text, material[tag.Length..]);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(material[..written], digest);
            return FromDigest(digest);
        }
        finally
        {
            if (rented is not null)
            {
                CryptographicOperations.ZeroMemory(rented.AsSpan(0, length));
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The issuer + <c>jti</c> key, when the payload is a JSON object with a string <c>jti</c>.</summary>
    private static bool TryOfJwtId(ReadOnlySpan<char> payloadSegment, out RevocationKey key)
    {
        key = default;
        var maxLength = CompactJws.MaxDecodedLength(payloadSegment);

        // The decoded payload, then the material: tag, room for the issuer, NUL, room for the jti.
        // Neither claim can be longer than the payload it comes from.
        var bufferLength = maxLength + JwtIdTag.Length + maxLength + 1 + maxLength;
        byte[]? rented = null;
        var buffer = bufferLength <= 3 * CompactJws.StackLimit ? stackalloc byte[bufferLength] : (rented = ArrayPool<byte>.Shared.Rent(bufferLength));
        try
        {
            var json = buffer[..maxLength];
            if (!CompactJws.TryDecode(payloadSegment, json, out var jsonLength))
            {
                return false;
            }

            var material = buffer[maxLength..bufferLength];
            if (!TryReadJwtId(json[..jsonLength], material, maxLength, out var materialLength))
            {
                return false;
            }

            key = OfJwtIdMaterial(material[..materialLength]);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Writes tag, issuer (empty if absent), NUL and <c>jti</c> as unescaped UTF-8, each claim read into
    /// its own <paramref name="room"/> bytes. RFC 7519 §4: with a duplicated claim, only the lexically
    /// last one counts; nested objects are never read as claims.
    /// </summary>
    private static bool TryReadJwtId(ReadOnlySpan<byte> json, Span<byte> material, int room, out int length)
    {
        length = 0;
        var issuer = material.Slice(JwtIdTag.Length, room);
        var jwtId = material.Slice(JwtIdTag.Length + room + 1, room);
        int issuerLength = 0, jwtIdLength = -1;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isIssuer = reader.ValueTextEquals("iss"u8);
                var isJwtId = !isIssuer && reader.ValueTextEquals("jti"u8);
                reader.Read();
                if (isIssuer)
                {
                    issuerLength = reader.TokenType == JsonTokenType.String ? reader.CopyString(issuer) : 0;
                }
                else if (isJwtId)
                {
                    jwtIdLength = reader.TokenType == JsonTokenType.String ? reader.CopyString(jwtId) : -1;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (jwtIdLength <= 0)
        {
            return false;
        }

        JwtIdTag.CopyTo(material);
        length = JwtIdTag.Length + issuerLength;
        material[length++] = 0;

        // Moves the jti down next to the issuer (CopyTo handles the overlap).
        jwtId[..jwtIdLength].CopyTo(material[length..]);
        length += jwtIdLength;
        return true;
    }
}
