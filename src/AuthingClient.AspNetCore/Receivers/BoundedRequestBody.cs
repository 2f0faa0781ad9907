using Microsoft.AspNetCore.Http;

namespace AuthingClient.AspNetCore.Receivers;

/// <summary>
/// Reads a request body up to a limit, never more: a receiver must not buffer whatever a caller
/// chooses to send. A declared <c>Content-Length</c> over the limit is refused before anything is read.
/// </summary>
internal static class BoundedRequestBody
{
    /// <summary>The body, or <see langword="null"/> when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // One byte more than the limit is enough to know a body is too long.
        var buffer = new byte[(int)Math.Min(request.ContentLength ?? 16 * 1024, limit) + 1];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1L));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.AsMemory(0, length);
            }

            length += read;
        }
    }
}
