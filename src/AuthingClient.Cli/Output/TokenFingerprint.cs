using System.Security.Cryptography;
using System.Text;

namespace AuthingClient.Cli.Output;

/// <summary>
/// A short, stable name for a token that does not reveal it: <c>sha256:</c> and the first 12 hex
/// digits of the SHA-256 of its UTF-8 bytes. Lets a reader match output lines to tokens they hold.
/// </summary>
internal static class TokenFingerprint
{
    private const int HexDigits = 12;

    public static string Of(string token)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return "sha256:" + Convert.ToHexStringLower(hash)[..HexDigits];
    }
}
