using System.Buffers;
using System.Text.Json;

namespace AuthingClient.Transport;

/// <summary>
/// The RFC 6749 §5.2 fields of an error answer, read defensively: the body may be empty, HTML,
/// truncated, huge, or JSON with fields of the wrong type. Each field is read on its own so one bad
/// field does not hide the others (which is why the generated DTO is not deserialized here).
/// </summary>
internal readonly record struct OAuthErrorBody(string? Error, string? ErrorDescription, string? ErrorUri)
{
    /// <summary>At most this much of an error body is read; the rest is never buffered.</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<OAuthErrorBody> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return default;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes);
        try
        {
            var length = 0;
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (length < MaxBytes
                    && (read = await stream.ReadAsync(buffer.AsMemory(length, MaxBytes - length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }
            }

            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static OAuthErrorBody Parse(ReadOnlySpan<byte> body)
    {
        // A UTF-8 byte order mark is legal before JSON text (RFC 8259 §8.1 lets parsers ignore it).
        var trimmed = body.TrimStart(" \t\r\n"u8);
        if (trimmed.StartsWith("\uFEFF"u8))
        {
            trimmed = trimmed[3..].TrimStart(" \t\r\n"u8);
        }

        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return default;
        }

        try
        {
            var reader = new Utf8JsonReader(trimmed, new JsonReaderOptions { MaxDepth = 16 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return new OAuthErrorBody(
                StringField(root, "error"),
                StringField(root, "error_description"),
                StringField(root, "error_uri"));
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? StringField(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Server text ends up in exception messages and logs: keep it on one printable line.
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
    }
}
