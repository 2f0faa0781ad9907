namespace AuthingClient.Testing.Revocation;

/// <summary>
/// What the revocation endpoint needs from an HTTP request, independent of the server that
/// received it: the method, the path, the headers and the raw body bytes.
/// </summary>
internal sealed class EndpointRequest
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _headers;

    public EndpointRequest(string method, string path, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ReadOnlyMemory<byte> body)
    {
        Method = method;
        Path = path;
        _headers = headers;
        Body = body;
    }

    public string Method { get; }

    public string Path { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Every value of a header; HTTP header names are case-insensitive.</summary>
    public IReadOnlyList<string> Header(string name)
    {
        foreach (var (key, values) in _headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return values;
            }
        }

        return [];
    }
}
