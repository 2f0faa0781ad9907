using System.Net;

namespace AuthingClient.Cli.Tests.Support;

/// <summary>
/// Decodes a form body seen on the wire, independently of the code under test, and fails on a
/// repeated field (which a correct client never sends).
/// </summary>
internal static class FormFields
{
    public static Dictionary<string, string> Parse(string? body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            var value = WebUtility.UrlDecode(equals < 0 ? string.Empty : pair[(equals + 1)..]);
            Assert.True(fields.TryAdd(name, value), $"The field '{name}' was sent more than once.");
        }

        return fields;
    }
}
