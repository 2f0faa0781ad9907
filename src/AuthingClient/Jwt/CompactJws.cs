using System.Buffers;

namespace AuthingClient.Jwt;

/// <summary>
/// The two parts of a JWS compact token (RFC 7515 §7.1) a registry reads WITHOUT validating it:
/// where the header, payload and signature segments are, and the payload decoded. Anything that is
/// not three segments (a JWE has five; an opaque token has none) is not a JWS.
/// </summary>
internal static class CompactJws
{
    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Decoded payloads up to this size are decoded on the stack; larger ones rent a pooled buffer.</summary>
    public const int StackLimit = 1024;

    /// <summary>Finds the header.payload part (what the issuer signed) and the payload segment.</summary>
    public static bool TrySplit(ReadOnlySpan<char> token, out ReadOnlySpan<char> signedPart, out ReadOnlySpan<char> payload)
    {
        signedPart = payload = default;
        var firstDot = token.IndexOf('.');
        if (firstDot <= 0)
        {
            return false;
        }

        var afterHeader = token[(firstDot + 1)..];
        var secondDot = afterHeader.IndexOf('.');
        if (secondDot <= 0 || afterHeader[(secondDot + 1)..].Contains('.'))
        {
            return false;
        }

        payload = afterHeader[..secondDot];
        signedPart = token[..(firstDot + 1 + secondDot)];
        return true;
    }

    /// <summary>The most bytes <paramref name="segment"/> can decode to.</summary>
    public static int MaxDecodedLength(ReadOnlySpan<char> segment) => (segment.Length + 3) / 4 * 3;

    /// <summary>
    /// Whether <paramref name="segment"/> is base64url without padding (RFC 7515 §2) that
    /// <see cref="TryDecode"/> decodes: only the URL-safe alphabet, and a length a base64 text can have.
    /// </summary>
    public static bool IsDecodable(ReadOnlySpan<char> segment) =>
        segment.Length % 4 != 1 && !segment.ContainsAnyExcept(Base64UrlAlphabet);

    /// <summary>
    /// Decodes a base64url segment without padding into <paramref name="destination"/> (at least
    /// <see cref="MaxDecodedLength"/> bytes). Anything <see cref="IsDecodable"/> rejects is unreadable,
    /// the same on every target framework.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> segment, Span<byte> destination, out int written)
    {
        written = 0;
        if (!IsDecodable(segment))
        {
            return false;
        }

#if NET9_0_OR_GREATER
        return System.Buffers.Text.Base64Url.TryDecodeFromChars(segment, destination, out written);
#else
        var paddedLength = (segment.Length + 3) / 4 * 4;
        char[]? rented = null;
        var padded = paddedLength <= StackLimit ? stackalloc char[paddedLength] : (rented = ArrayPool<char>.Shared.Rent(paddedLength)).AsSpan(0, paddedLength);
        try
        {
            segment.CopyTo(padded);
            padded[..segment.Length].Replace('-', '+');
            padded[..segment.Length].Replace('_', '/');
            padded[segment.Length..].Fill('=');
            return Convert.TryFromBase64Chars(padded, destination, out written);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
#endif
    }
}
