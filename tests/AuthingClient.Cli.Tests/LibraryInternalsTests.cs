using System.Reflection;
using System.Text.RegularExpressions;
using AuthingClient.TestSupport;

namespace AuthingClient.Cli.Tests;

/// <summary>
/// The CLI sees the library's internals (InternalsVisibleTo) but uses only the few that let it print
/// what the library prints, as docs/architecture.md lists them ("What the CLI uses of the library's
/// internals"). A new one is a decision to make there, not a side effect.
/// </summary>
public sealed partial class LibraryInternalsTests
{
    private static readonly string[] Declared =
    [
        "RetryAfter", "RevocationOutcomeNames", "SecretRedactor", "TokenFingerprint", "WireNames",
    ];

    [Fact]
    public void Cli_UsesOnlyTheDeclaredInternalsOfTheLibrary()
    {
        var library = typeof(AuthenticationClient).Assembly.GetTypes().Where(type => !type.IsNested && type.Namespace?.StartsWith("AuthingClient", StringComparison.Ordinal) == true).ToArray();
        var publicNames = library.Where(type => type.IsPublic).Select(type => type.Name).ToHashSet(StringComparer.Ordinal);

        // A generated contract type named like a public one (Contract.TokenTypeHint) is not told apart by name.
        var internals = library
            .Where(type => !type.IsPublic && !type.Name.Contains('<', StringComparison.Ordinal))
            .Select(type => Regex.Replace(type.Name, "`.*$", string.Empty))
            .Where(name => !publicNames.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
        var cliTypes = typeof(global::AuthingClient.Cli.Revocation.TokenRevoker).Assembly.GetTypes().Select(type => type.Name).ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(RepositoryRoot.Path, "src", "AuthingClient.Cli");

        var used = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => Identifier().Matches(File.ReadAllText(file)).Select(match => match.Value))
            .Where(name => internals.Contains(name) && !cliTypes.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        // A declared one may not appear by name: an extension method (RevocationOutcomeNames.ToTagValue) is called without it.
        Assert.Equal([], used.Except(Declared, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();
}
