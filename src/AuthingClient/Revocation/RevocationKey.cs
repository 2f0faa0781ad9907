using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace AuthingClient.Revocation;

/// <summary>
/// What a <see cref="RevokedTokenRegistry"/> stores for a revocation: a 128-bit key, one-way, derived
/// from public identifiers a validator reads from a token (never from the signature), and never the
/// token itself. Its text form (<see cref="ToString"/>) is 32 upper-case hex digits.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A JWT with a <c>jti</c> is identified by its issuer and <c>jti</c> (RFC 7519 §4.1.7: unique per
/// issuer), as Auth0 and OWASP advise. Issuer, subject, audience and session ids are public
/// identifiers, not credentials, so a fast non-cryptographic hash (XxHash128) only fixes their size.</item>
/// <item>A JWT without a <c>jti</c> is identified by a SHA-256 of its signed part (header.payload).
/// The signature is left out because some signatures are malleable: an ES256 signature (r, s) is
/// just as valid as (r, n − s), so a key over the whole token could be sidestepped.</item>
/// <item>Anything else (an opaque token, a JWE) is identified by a SHA-256 of the whole token: a
/// credential, so only a one-way hash of it may be stored.</item>
/// <item>A user is identified by issuer and <c>sub</c>, optionally with one audience; a session by
/// issuer and <c>sid</c> (OpenID Connect Front- and Back-Channel Logout).</item>
/// </list>
/// Each kind hashes its own tag first, so keys of different kinds never meet; the top two bits say
/// which kind of revocation the key names. Accidental collisions among even billions of entries are
/// out of reach.
/// </remarks>
public readonly struct RevocationKey : IEquatable<RevocationKey>
{
    /// <summary>The length of <see cref="ToString"/>: 32 hex digits.</summary>
    internal const int HexLength = 32;

    private const int StackLimit = 512;
    private const int KindShift = 62;
    private const ulong HashMask = (1UL << KindShift) - 1;

    private readonly ulong _high;
    private readonly ulong _low;

    private RevocationKey(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>Which kind of revocation the key names.</summary>
    internal RevocationKind Kind => (RevocationKind)(_high >> KindShift);

    private static ReadOnlySpan<byte> JwtIdTag => "jti\0"u8;
    private static ReadOnlySpan<byte> SignedPartTag => "jws\0"u8;
    private static ReadOnlySpan<byte> TokenTag => "tok\0"u8;
    private static ReadOnlySpan<byte> SubjectTag => "sub\0"u8;
    private static ReadOnlySpan<byte> AudienceTag => "aud\0"u8;
    private static ReadOnlySpan<byte> SessionTag => "sid\0"u8;

    /// <summary>The key of a token as presented: by issuer and <c>jti</c>, by signed part, or by the whole token (see the remarks).</summary>
    /// <param name="token">The token.</param>
    /// <returns>The key a registry stores when the token is marked revoked.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    public static RevocationKey Of(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return PresentedToken.Read(token).Token;
    }

    /// <summary>Parses the text form (<see cref="ToString"/>) back.</summary>
    /// <param name="text">32 hex digits.</param>
    /// <param name="key">The key, when the text is one.</param>
    /// <returns>Whether <paramref name="text"/> is a key.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out RevocationKey key)
    {
        key = default;
        if (text.Length != HexLength
            || !ulong.TryParse(text[..16], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)
            || !ulong.TryParse(text[16..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low)
            || (RevocationKind)(high >> KindShift) > RevocationKind.Session)
        {
            return false;
        }

        key = new RevocationKey(high, low);
        return true;
    }

    /// <summary>32 upper-case hex digits: how stores hold the key.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => string.Create(HexLength, this, static (chars, key) =>
    {
        key._high.TryFormat(chars, out _, "X16", CultureInfo.InvariantCulture);
        key._low.TryFormat(chars[16..], out _, "X16", CultureInfo.InvariantCulture);
    });

    /// <inheritdoc/>
    public bool Equals(RevocationKey other) => _high == other._high && _low == other._low;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RevocationKey other && Equals(other);

    /// <inheritdoc/>
    // The key is already a uniform hash: any 32 bits of it spread as well as a mix of all of them.
    public override int GetHashCode() => (int)_low;

    /// <summary>Whether two keys are equal.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns>Whether they name the same revocation.</returns>
    public static bool operator ==(RevocationKey left, RevocationKey right) => left.Equals(right);

    /// <summary>Whether two keys differ.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns>Whether they name different revocations.</returns>
    public static bool operator !=(RevocationKey left, RevocationKey right) => !left.Equals(right);

    /// <summary>The key of a JWT by its issuer (empty when absent) and <c>jti</c>, as UTF-8.</summary>
    internal static RevocationKey OfJwtId(ReadOnlySpan<byte> issuer, ReadOnlySpan<byte> jwtId) =>
        OfIdentifiers(RevocationKind.Token, JwtIdTag, issuer, jwtId, default, hasThird: false);

    /// <summary>The key of a user (issuer and <c>sub</c>), narrowed to one audience when <paramref name="hasAudience"/>.</summary>
    internal static RevocationKey OfUser(ReadOnlySpan<byte> issuer, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> audience, bool hasAudience) =>
        hasAudience
            ? OfIdentifiers(RevocationKind.User, AudienceTag, issuer, subject, audience, hasThird: true)
            : OfIdentifiers(RevocationKind.User, SubjectTag, issuer, subject, default, hasThird: false);

    /// <summary>The key of a session (issuer and <c>sid</c>).</summary>
    internal static RevocationKey OfSession(ReadOnlySpan<byte> issuer, ReadOnlySpan<byte> sessionId) =>
        OfIdentifiers(RevocationKind.Session, SessionTag, issuer, sessionId, default, hasThird: false);

    /// <summary>The key of a JWT's signed part (header.payload) when it has no <c>jti</c>.</summary>
    internal static RevocationKey OfSignedPart(ReadOnlySpan<char> signedPart) => OfSecret(SignedPartTag, signedPart);

    /// <summary>The key of a token that is not a readable JWT.</summary>
    internal static RevocationKey OfWholeToken(ReadOnlySpan<char> token) => OfSecret(TokenTag, token);

    /// <summary>The same keys from .NET strings (claims a validator has already read), encoded straight into the hashed material.</summary>
    internal static RevocationKey OfJwtId(string issuer, string jwtId) => OfStrings(RevocationKind.Token, JwtIdTag, issuer, jwtId, null);

    /// <inheritdoc cref="OfUser(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, bool)"/>
    internal static RevocationKey OfUser(string issuer, string subject, string? audience) =>
        audience is { Length: > 0 }
            ? OfStrings(RevocationKind.User, AudienceTag, issuer, subject, audience)
            : OfStrings(RevocationKind.User, SubjectTag, issuer, subject, null);

    /// <summary>
    /// A user's key and its key for one audience, issuer and subject encoded once: the user's
    /// material (<c>sub</c> tag, issuer, NUL, subject) is the audience material's prefix under another tag.
    /// </summary>
    internal static void OfUserAndAudience(string issuer, string subject, string audience, out RevocationKey user, out RevocationKey userAudience)
    {
        if (audience.Length == 0)
        {
            user = userAudience = OfStrings(RevocationKind.User, SubjectTag, issuer, subject, null);
            return;
        }

        var length = AudienceTag.Length + MaxBytes(issuer) + 1 + MaxBytes(subject) + 1 + MaxBytes(audience);
        byte[]? rented = null;
        var material = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var userLength = Write(AudienceTag, issuer, subject, material);
            material[userLength] = 0;
            var written = userLength + 1 + Encoding.UTF8.GetBytes(audience, material[(userLength + 1)..]);
            userAudience = Hash(RevocationKind.User, material[..written]);
            SubjectTag.CopyTo(material);
            user = Hash(RevocationKind.User, material[..userLength]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <inheritdoc cref="OfSession(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    internal static RevocationKey OfSession(string issuer, string sessionId) => OfStrings(RevocationKind.Session, SessionTag, issuer, sessionId, null);

    private static int MaxBytes(string text) => Encoding.UTF8.GetMaxByteCount(text.Length);

    /// <summary>Writes tag, first, NUL, second as UTF-8; returns the length.</summary>
    private static int Write(ReadOnlySpan<byte> tag, string first, string second, Span<byte> material)
    {
        tag.CopyTo(material);
        var written = tag.Length + Encoding.UTF8.GetBytes(first, material[tag.Length..]);
        material[written++] = 0;
        return written + Encoding.UTF8.GetBytes(second, material[written..]);
    }

    private static RevocationKey OfStrings(RevocationKind kind, ReadOnlySpan<byte> tag, string first, string second, string? third)
    {
        var length = tag.Length + MaxBytes(first) + 1 + MaxBytes(second) + (third is null ? 0 : 1 + MaxBytes(third));
        byte[]? rented = null;
        var material = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Write(tag, first, second, material);
            if (third is not null)
            {
                material[written++] = 0;
                written += Encoding.UTF8.GetBytes(third, material[written..]);
            }

            return Hash(kind, material[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static RevocationKey Hash(RevocationKind kind, ReadOnlySpan<byte> material)
    {
        Span<byte> digest = stackalloc byte[16];
        XxHash128.Hash(material, digest);
        return FromDigest(kind, digest);
    }

    private static RevocationKey FromDigest(RevocationKind kind, ReadOnlySpan<byte> digest) =>
        new((BinaryPrimitives.ReadUInt64BigEndian(digest) & HashMask) | ((ulong)kind << KindShift), BinaryPrimitives.ReadUInt64BigEndian(digest[8..]));

    /// <summary>XxHash128 of the tag and the identifiers, each ended by NUL (which none of them can hold as UTF-8 text of a claim that matters here).</summary>
    private static RevocationKey OfIdentifiers(RevocationKind kind, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, bool hasThird)
    {
        var length = tag.Length + first.Length + 1 + second.Length + (hasThird ? 1 + third.Length : 0);
        byte[]? rented = null;
        var material = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            tag.CopyTo(material);
            var written = tag.Length;
            first.CopyTo(material[written..]);
            written += first.Length;
            material[written++] = 0;
            second.CopyTo(material[written..]);
            written += second.Length;
            if (hasThird)
            {
                material[written++] = 0;
                third.CopyTo(material[written..]);
            }

            return Hash(kind, material);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>SHA-256 of the tag and the UTF-8 text, truncated.</summary>
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
            return FromDigest(RevocationKind.Token, digest);
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
}
