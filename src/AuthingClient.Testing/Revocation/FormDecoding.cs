using System.Text;

namespace AuthingClient.Testing.Revocation;

/// <summary>
/// Decodes <c>application/x-www-form-urlencoded</c> text exactly (WHATWG URL standard §5.1, RFC 6749
/// Appendix B): <c>+</c> is a space, <c>%XX</c> is a byte, and the bytes must be UTF-8. Anything
/// malformed is refused rather than guessed at, so a client that encodes wrongly is caught instead
/// of having its token silently changed. The one decoder of the stand-in and of the repository's
/// tests, which check the wire with it (InternalsVisibleTo).
/// </summary>
internal static class FormDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Every <c>name=value</c> pair of a body in wire order, repeats kept (the caller decides
    /// whether a repeat is an error); empty sequences between <c>&amp;</c>s are skipped, as the
    /// WHATWG parser skips them.
    /// </summary>
    public static bool TryDecodeFields(ReadOnlySpan<byte> body, out List<KeyValuePair<string, string>> fields)
    {
        fields = [];
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? [] : pair[(equals + 1)..];
            if (!TryDecode(rawName, out var name) || !TryDecode(rawValue, out var value))
            {
                return false;
            }

            fields.Add(KeyValuePair.Create(name, value));
        }

        return true;
    }

    /// <summary>One name or value.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out string decoded)
    {
        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'+')
            {
                bytes[length++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= encoded.Length || HexValue(encoded[i + 1]) is not { } high || HexValue(encoded[i + 2]) is not { } low)
                {
                    decoded = string.Empty;
                    return false;
                }

                bytes[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else if (b > 0x7F)
            {
                // An encoder percent-encodes every non-ASCII byte (WHATWG URL §5.2), so a raw one
                // means the client skipped encoding: refused, not read as UTF-8 by luck.
                decoded = string.Empty;
                return false;
            }
            else
            {
                bytes[length++] = b;
            }
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            decoded = string.Empty;
            return false;
        }
    }

    /// <summary>One name or value held as text (the halves of a Basic header): decoded from its UTF-8 bytes.</summary>
    public static bool TryDecode(string encoded, out string decoded)
    {
        // The text came from a header or a decoded base64 string: as bytes it is its UTF-8 form.
        return TryDecode(Encoding.UTF8.GetBytes(encoded), out decoded);
    }

    private static int? HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => null,
    };
}
