using System.Security.Cryptography;
using System.Text;

namespace AuthingClient.Diagnostics;

/// <summary>
/// A short, one-way fingerprint of a token for logs, traces and CLI output: enough to correlate
/// events about the same token, useless for recovering it (as Duende's token management does).
/// </summary>
internal static class TokenFingerprint
{
    /// <summary>The fingerprint: the first 6 bytes of <see cref="Sha256"/>, as 12 hex digits.</summary>
    public static string Of(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Sha256(token, hash);
        return Convert.ToHexString(hash[..6]);
    }

    /// <summary>
    /// The whole SHA-256 of the token's UTF-8 bytes, which the fingerprint is the start of: for a
    /// record that must tell millions of tokens apart (the CLI's <c>--journal</c>), where 48 bits
    /// would collide.
    /// </summary>
    public static void Sha256(string token, Span<byte> hash)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(token.Length);
        var utf8 = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(token, utf8);
        SHA256.HashData(utf8[..length], hash);
    }
}
