using System.Text;

namespace AuthingClient.AotSmoke;

/// <summary>One HTTP/1.1 request: what the loopback endpoint checks.</summary>
internal sealed record HttpRequest(string Method, string Path, string? ContentType, string Body);

/// <summary>Reads HTTP/1.1 requests with a Content-Length body (all the client sends) from a stream.</summary>
internal sealed class HttpRequestReader(Stream stream) : IDisposable
{
    private readonly MemoryStream _buffer = new();
    private readonly byte[] _chunk = new byte[4096];

    /// <summary>The next request, or null when the peer closed the connection.</summary>
    public async Task<HttpRequest?> ReadAsync(CancellationToken cancellationToken)
    {
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd()) < 0)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        var head = Encoding.ASCII.GetString(_buffer.GetBuffer(), 0, headerEnd).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

        var bodyStart = headerEnd + 4;
        while (_buffer.Length < bodyStart + length)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        var body = Encoding.ASCII.GetString(_buffer.GetBuffer(), bodyStart, length);
        Consume(bodyStart + length);
        headers.TryGetValue("Content-Type", out var contentType);
        return new HttpRequest(requestLine[0], requestLine[1], contentType, body);
    }

    public void Dispose() => _buffer.Dispose();

    private int IndexOfHeaderEnd() =>
        _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length).IndexOf("\r\n\r\n"u8);

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_chunk, cancellationToken).ConfigureAwait(false);
        _buffer.Write(_chunk, 0, read);
        return read > 0;
    }

    private void Consume(int count)
    {
        var rest = _buffer.GetBuffer().AsSpan(count, (int)_buffer.Length - count).ToArray();
        _buffer.SetLength(0);
        _buffer.Write(rest);
    }
}
