using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace AuthingClient.Samples.ProtectedApi;

/// <summary>Reads the issuer's public key from a PEM file (<c>-----BEGIN PUBLIC KEY-----</c>): RSA for RS256, EC P-256 for ES256.</summary>
internal static class PublicKeyFile
{
    public static SecurityKey Read(string path)
    {
        var text = File.ReadAllText(path);
        var pem = PemEncoding.Find(text);
        var der = Convert.FromBase64String(text[pem.Base64Data]);
        var key = PublicKey.CreateFromSubjectPublicKeyInfo(der, out _);
        if (key.GetRSAPublicKey() is { } rsa)
        {
            return new RsaSecurityKey(rsa);
        }

        return key.GetECDsaPublicKey() is { } ecdsa
            ? new ECDsaSecurityKey(ecdsa)
            : throw new InvalidOperationException($"{path} holds neither an RSA nor an EC public key.");
    }
}
