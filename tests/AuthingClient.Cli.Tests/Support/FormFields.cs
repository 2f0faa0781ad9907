using System.Text;
using AuthingClient.Testing.Revocation;

namespace AuthingClient.Cli.Tests.Support;

/// <summary>
/// Decodes a form body seen on the wire with the stand-in's strict decoder (not the CLI's own
/// encoder), and fails on malformed text or a repeated field (which a correct client never sends).
/// </summary>
internal static class FormFields
{
    public static Dictionary<string, string> Parse(string? body)
    {
        Assert.True(FormDecoding.TryDecodeFields(Encoding.UTF8.GetBytes(body ?? string.Empty), out var pairs), "The form body is not valid application/x-www-form-urlencoded text.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            Assert.True(fields.TryAdd(name, value), $"The field '{name}' was sent more than once.");
        }

        return fields;
    }
}
