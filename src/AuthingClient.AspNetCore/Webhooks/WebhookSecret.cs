using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AuthingClient.AspNetCore.Webhooks;

/// <summary>
/// The secret Authing sends with each delivery, checked in constant time. Authing signs nothing: the
/// header is the only proof a delivery came from the console the secret was set in.
/// </summary>
internal sealed class WebhookSecret
{
    /// <summary>The header Authing's current deliveries carry the secret in.</summary>
    public const string HeaderName = "x-authing-webhook-secret";

    /// <summary>The same header's name on older pages of Authing's documentation.</summary>
    public const string LegacyHeaderName = "X-Authing-Token";

    private readonly byte[] _expectedDigest;

    public WebhookSecret(string secret) => _expectedDigest = Digest(secret);

    /// <summary>
    /// Whether the request carries the secret (exactly one value, in either header). Both sides are
    /// hashed first, so the comparison takes the same time whatever the length of the guess.
    /// </summary>
    public bool IsPresentIn(IHeaderDictionary headers)
    {
        var presented = headers[HeaderName];
        if (presented.Count == 0)
        {
            presented = headers[LegacyHeaderName];
        }

        return presented.Count == 1
            && presented[0] is { Length: > 0 } value
            && CryptographicOperations.FixedTimeEquals(Digest(value), _expectedDigest);
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
