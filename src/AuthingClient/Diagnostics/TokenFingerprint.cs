using System.Security.Cryptography;
using System.Text;

namespace AuthingClient.Diagnostics;

/// <summary>
/// A short, one-way fingerprint of a token for logs, traces and CLI output: enough to correlate
/// events about the same token, useless for recovering it (as Duende's token management does).
/// </summary>
internal static class TokenFingerprint
{
    public static string Of(string token)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(token.Length);
        var utf8 = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(token, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return Convert.ToHexString(hash[..6]);
    }
}
