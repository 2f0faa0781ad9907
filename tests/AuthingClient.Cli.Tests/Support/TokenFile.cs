namespace AuthingClient.Cli.Tests.Support;

/// <summary>A temporary file with exactly the given text, deleted with the test.</summary>
internal sealed class TokenFile : IDisposable
{
    private TokenFile(string path) => Path = path;

    public string Path { get; }

    public static TokenFile With(string text)
    {
        var file = Unused();
        File.WriteAllText(file.Path, text);
        return file;
    }

    /// <summary>A path in the temporary folder where no file is yet.</summary>
    public static TokenFile Unused() => new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"authing-revoke-test-{Guid.NewGuid():N}.txt"));

    public void Dispose() => File.Delete(Path);
}
