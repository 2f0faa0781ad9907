using System.Text;

namespace AuthingClient.Testing.Revocation;

/// <summary>
/// Decodes one name or value of <c>application/x-www-form-urlencoded</c> text exactly (WHATWG URL
/// standard §5.1, RFC 6749 Appendix B): <c>+</c> is a space, <c>%XX</c> is a byte, and the bytes
/// must be UTF-8. Anything malformed is refused rather than guessed at, so a client that encodes
/// wrongly is caught instead of having its token silently changed.
/// </summary>
internal static class FormDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
