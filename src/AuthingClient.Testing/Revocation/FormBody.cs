namespace AuthingClient.Testing.Revocation;

/// <summary>
/// The fields of an <c>application/x-www-form-urlencoded</c> body, read from the raw bytes (not
/// from the HTTP server's own parsing, which may be lossy). RFC 6749 §3.2 forbids repeating a
/// parameter, so a repeated one makes the body invalid.
/// </summary>
internal sealed class FormBody
{
    private readonly Dictionary<string, string> _fields;

    private FormBody(Dictionary<string, string> fields) => _fields = fields;

    /// <summary>Parses a body; on failure <paramref name="problem"/> says why, without echoing values.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out FormBody form, out string problem)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        form = new FormBody(fields);
        problem = string.Empty;
        if (!FormDecoding.TryDecodeFields(body, out var pairs))
        {
            problem = "The form body is not valid application/x-www-form-urlencoded UTF-8 text.";
            return false;
        }

        foreach (var (name, value) in pairs)
        {
            if (!fields.TryAdd(name, value))
            {
                // Parameter names are not secret; values are never echoed.
                problem = $"The parameter '{name}' is included more than once (RFC 6749 §3.2).";
                return false;
            }
        }

        return true;
    }

    /// <summary>The decoded value, or <see langword="null"/> when the field is absent.</summary>
    public string? this[string name] => _fields.TryGetValue(name, out var value) ? value : null;

    public bool Contains(string name) => _fields.ContainsKey(name);
}
