using System.Text;
using AuthingClient.Testing.Revocation;
using WireMock;

namespace AuthingClient.Tests.Support;

/// <summary>One request as it arrived on the wire, with the raw form body decoded independently of the library.</summary>
public sealed class RecordedRequest(IRequestMessage message)
{
    public IRequestMessage Message { get; } = message;

    public string Method => Message.Method;

    public string Path => Message.Path;

    public string RawQuery => Message.RawQuery ?? string.Empty;

    /// <summary>The body exactly as sent; a form body is ASCII, so any other byte fails here.</summary>
    public string RawBody
    {
        get
        {
            var bytes = Message.BodyAsBytes ?? [];
            Assert.All(bytes, b => Assert.True(b < 0x80, $"The form body must be ASCII on the wire; found byte 0x{b:X2}."));
            return Encoding.ASCII.GetString(bytes);
        }
    }

    /// <summary>
    /// The decoded form fields, in wire order, duplicates kept, read with the stand-in's strict
    /// decoder (never the library's encoder or WireMock's parser). An empty pair (a stray
    /// <c>&amp;</c>) fails here: the decoder skips it, as servers do, but a correct client never sends one.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form
    {
        get
        {
            var raw = RawBody;
            Assert.True(raw.Length == 0 || !raw.Split('&').Contains(string.Empty), "The form body has an empty pair (a stray '&').");
            Assert.True(FormDecoding.TryDecodeFields(Encoding.ASCII.GetBytes(raw), out var fields), "The form body is not valid application/x-www-form-urlencoded UTF-8 text.");
            return fields;
        }
    }

    /// <summary>Every value of a header (case-insensitive name); empty when absent.</summary>
    public IReadOnlyList<string> Header(string name) =>
        Message.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToArray() ?? [];

    /// <summary>All header values and the URL, for "the secret is nowhere" checks.</summary>
    public string EverythingButTheBody =>
        Message.Url + "\n" + string.Join("\n", (Message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>()).Select(h => h.Key + ": " + string.Join(",", h.Value)));
}
