namespace AuthingClient.Cli.Input;

/// <summary>
/// Counts a file's token lines in one streaming pass over its bytes (a fixed buffer, however large
/// the file), so progress can show a total and an ETA. Runs beside the revocations, not before them.
/// </summary>
internal static class LineCount
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Lines with anything but spaces, tabs and <c>\r</c>: those <see cref="TokenLines"/> turns into tokens.</summary>
    public static async Task<long> CountTokenLinesAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[BufferSize];
            long count = 0;
            var lineHasToken = false;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                foreach (var b in buffer.AsSpan(0, read))
                {
                    if (b == (byte)'\n')
                    {
                        count += lineHasToken ? 1 : 0;
                        lineHasToken = false;
                    }
                    else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                    {
                        lineHasToken = true;
                    }
                }
            }

            return count + (lineHasToken ? 1 : 0);
        }
    }
}
