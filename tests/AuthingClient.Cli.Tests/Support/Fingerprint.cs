using System.Security.Cryptography;
using System.Text;

namespace AuthingClient.Cli.Tests.Support;

/// <summary>The token field of a <c>--json</c> line, computed independently of the CLI.</summary>
internal static class Fingerprint
{
    public static string Of(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];

    /// <summary>The token fields of the JSON lines on stdout, in order.</summary>
    public static string[] InJsonLines(CliResult result) =>
        result.StdoutLines.Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("token").GetString()!).ToArray();
}
