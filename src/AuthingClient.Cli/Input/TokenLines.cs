using System.Runtime.CompilerServices;
using System.Text;

namespace AuthingClient.Cli.Input;

/// <summary>
/// Reads tokens one per line, lazily: a small chunk at a time, so a file of millions of tokens never
/// sits in memory, and at most <see cref="MaxLineLength"/> characters of a line are kept, so not
/// even a huge file without line breaks does.
/// </summary>
/// <remarks>
/// Lines end with <c>\n</c> or <c>\r\n</c>, so line numbers are those of <c>wc -l</c>, <c>sed</c>
/// and <c>tail -n +N</c>. A lone <c>\r</c> is not a line break: it stays in the token, which is then
/// reported as invalid rather than silently split in two. Whitespace around a token is removed (no
/// real token starts or ends with it; a trailing space copied from a dump would otherwise be sent,
/// answered "revoked" as an unknown token, and hide that the real token is still valid), and blank
/// lines are skipped.
/// </remarks>
internal static class TokenLines
{
    /// <summary>The longest line kept. Far above any real token (the library rejects those over 16 KiB).</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>
    /// Characters read per call. Small on purpose: the reader underneath buffers the I/O, and reading
    /// little at a time keeps the tokens read ahead of those reported to a handful of lines.
    /// </summary>
    public const int ChunkLength = 1024;

    /// <summary>The tokens in <paramref name="reader"/>, with their line numbers.</summary>
    public static async IAsyncEnumerable<InputToken> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new char[ChunkLength];
        var line = new StringBuilder();
        var truncated = false;
        long lineNumber = 0;
        while (true)
        {
            // WaitAsync: a read of standard input (a terminal, a pipe) may not observe cancellation itself.
            var read = await reader.ReadAsync(chunk.AsMemory(), cancellationToken).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            for (var start = 0; start < read;)
            {
                var end = Array.IndexOf(chunk, '\n', start, read - start);
                truncated |= !Append(line, chunk, start, (end < 0 ? read : end) - start);
                if (end < 0)
                {
                    break;
                }

                lineNumber++;
                if (TokenOf(line, lineNumber, truncated) is { } token)
                {
                    yield return token;
                }

                line.Clear();
                truncated = false;
                start = end + 1;
            }
        }

        if (TokenOf(line, lineNumber + 1, truncated) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Appends what fits under <see cref="MaxLineLength"/>; false when something did not.</summary>
    private static bool Append(StringBuilder line, char[] chunk, int start, int count)
    {
        var room = MaxLineLength + 1 - line.Length;
        line.Append(chunk, start, Math.Min(count, Math.Max(room, 0)));
        return count <= room;
    }

    private static InputToken? TokenOf(StringBuilder line, long lineNumber, bool truncated)
    {
        var text = line.ToString().Trim();
        return text.Length == 0 ? null : new InputToken(text, lineNumber, truncated);
    }
}
