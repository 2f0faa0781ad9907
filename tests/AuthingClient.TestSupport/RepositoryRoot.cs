namespace AuthingClient.TestSupport;

/// <summary>The checkout a test runs from, for tests that read the sources themselves.</summary>
public static class RepositoryRoot
{
    /// <summary>The directory holding <c>AuthingClient.sln</c>, found above the test's own directory.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AuthingClient.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AuthingClient.sln) is not above the test's directory.");
    }
}
