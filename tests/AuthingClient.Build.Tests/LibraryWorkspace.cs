using System.Diagnostics;

namespace AuthingClient.Build.Tests;

/// <summary>
/// A throw-away copy of everything the library's build reads (spec, templates, nswag.json, props,
/// the library sources), so a test can edit the spec and build without touching the repository.
/// </summary>
internal sealed class LibraryWorkspace : IDisposable
{
    private static readonly string[] CopiedEntries =
        ["openapi", "build", "src/AuthingClient", "nswag.json", "global.json", ".editorconfig", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    private LibraryWorkspace(string root) => Root = root;

    public string Root { get; }

    public string SpecPath => Path.Combine(Root, "openapi", "authing-revocation.yaml");

    public string ProjectPath => Path.Combine(Root, "src", "AuthingClient", "AuthingClient.csproj");

    public string GeneratedContractPath => Path.Combine(Root, "src", "AuthingClient", "obj", "Debug", "net10.0", "AuthingRevocationApi.g.cs");

    public static LibraryWorkspace CopyFromRepository()
    {
        var repository = FindRepositoryRoot();
        var root = Directory.CreateTempSubdirectory("authing-build-").FullName;
        foreach (var entry in CopiedEntries)
        {
            var source = Path.Combine(repository, entry);
            var target = Path.Combine(root, entry);
            if (File.Exists(source))
            {
                File.Copy(source, target);
            }
            else
            {
                CopyDirectory(source, target);
            }
        }

        return new LibraryWorkspace(root);
    }

    /// <summary>Builds the net10.0 library at normal verbosity and returns the build log.</summary>
    public BuildResult Build()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", ProjectPath, "-f", "net10.0", "-v:n", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The test host inherits MSBuild variables from `dotnet test`; a nested build must not see them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new BuildResult(process.ExitCode, log + stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A lingering build node may still hold a file; the temp folder is cleaned by the OS.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "nswag.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("nswag.json not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}

internal sealed record BuildResult(int ExitCode, string Log)
{
    public bool Succeeded => ExitCode == 0;

    public bool RanNSwag => Log.Contains("generating the Refit contract from the OpenAPI document with NSwag", StringComparison.Ordinal);

    public bool SkippedNSwag => Log.Contains("Skipping target \"GenerateAuthingContract\"", StringComparison.Ordinal);
}
