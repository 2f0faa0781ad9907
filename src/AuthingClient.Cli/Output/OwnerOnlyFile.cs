namespace AuthingClient.Cli.Output;

/// <summary>Files the CLI writes about tokens (<c>--failed-to</c>, <c>--journal</c>): readable and writable by their owner only.</summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Opens <paramref name="path"/> with <paramref name="options"/>, with mode 0600 on Unix even when it existed with another.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static FileStream Open(string path, FileStreamOptions options)
    {
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        var stream = new FileStream(path, options);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // UnixCreateMode applies only to a new file: an existing one keeps its mode otherwise.
                File.SetUnixFileMode(stream.SafeFileHandle, OwnerOnly);
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
