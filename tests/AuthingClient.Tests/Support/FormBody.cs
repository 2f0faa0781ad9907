using System.Text;

namespace AuthingClient.Tests.Support;

/// <summary>
/// A deliberately small application/x-www-form-urlencoded decoder (split on '&amp;', first '=',
/// '+' is a space, %XX are UTF-8 bytes), written here so the tests never trust the library's encoder
/// or WireMock's parser to check the wire.
/// </summary>
public static class FormBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<KeyValuePair<string, string>> Decode(string raw) =>
        raw.Length == 0
            ? []
            : [.. raw.Split('&').Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                return equals < 0
                    ? KeyValuePair.Create(DecodeComponent(pair), string.Empty)
                    : KeyValuePair.Create(DecodeComponent(pair[..equals]), DecodeComponent(pair[(equals + 1)..]));
            })];

    public static string DecodeComponent(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            switch (encoded[i])
            {
                case '+':
                    bytes.Add((byte)' ');
                    break;
                case '%':
                    bytes.Add(byte.Parse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                case var c when c > 0x7F:
                    throw new FormatException($"Unencoded non-ASCII character U+{(int)c:X4} in a form body.");
                case var c:
                    bytes.Add((byte)c);
                    break;
            }
        }

        return StrictUtf8.GetString([.. bytes]);
    }
}
