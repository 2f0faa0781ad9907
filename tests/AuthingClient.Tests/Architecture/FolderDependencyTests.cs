using System.Text.RegularExpressions;
using AuthingClient.TestSupport;

namespace AuthingClient.Tests.Architecture;

/// <summary>
/// The library's folders depend on each other in one direction only, so the folders show the call
/// order (docs/architecture.md). A folder depends on another when one of its files names it: a
/// <c>using AuthingClient.Folder;</c>, or a name qualified with the folder (<c>Resilience.RetryAfter</c>,
/// <c>AuthingClient.Resilience.RetryAfter</c>, in code or in a <c>cref</c>). The files at the root
/// (the facade and the public vocabulary every layer speaks) are not a folder and take no part.
/// </summary>
public sealed partial class FolderDependencyTests
{
    /// <summary>Cycles that exist and are accepted: none. A new one fails the test.</summary>
    private static readonly string[][] KnownCycles = [];

    private static readonly string Library = Path.Combine(RepositoryRoot.Path, "src", "AuthingClient");

    [Fact]
    public void Folders_OfTheLibrary_DependOnEachOtherWithoutCycles()
    {
        var edges = Edges();

        var cycles = StronglyConnected(edges).Where(component => component.Count > 1).Select(component => string.Join(" <-> ", component.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToArray();

        var known = KnownCycles.Select(cycle => string.Join(" <-> ", cycle.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToArray();
        Assert.True(
            cycles.SequenceEqual(known),
            $"Folder cycles: [{string.Join("; ", cycles)}], expected only [{string.Join("; ", known)}]. Edges:\n{Describe(edges)}");
    }

    [Fact]
    public void Folders_TheRequestPath_GoesFromPropagationThroughTransportToResilience()
    {
        var edges = Edges();

        Assert.Contains("Transport", edges["Propagation"].Keys);
        Assert.Contains("Resilience", edges["Transport"].Keys);
        Assert.DoesNotContain("Propagation", edges["Transport"].Keys);
        Assert.DoesNotContain("Revocation", edges["Transport"].Keys);
        Assert.Equal([], edges["Resilience"].Keys.Where(folder => folder != "Contract"));
    }

    /// <summary>For each folder, the folders its files name, each with the first file that does.</summary>
    private static Dictionary<string, Dictionary<string, string>> Edges()
    {
        var folders = Directory.GetDirectories(Library)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj"))
            .Append("Contract")
            .ToHashSet(StringComparer.Ordinal);
        var edges = folders.ToDictionary(folder => folder, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders.Where(folder => Directory.Exists(Path.Combine(Library, folder))))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Library, folder), "*.cs", SearchOption.AllDirectories))
            {
                var code = LineComment().Replace(File.ReadAllText(file), string.Empty);
                foreach (Match reference in FolderReference().Matches(code))
                {
                    var target = reference.Groups["folder"].Value;
                    if (target != folder && folders.Contains(target))
                    {
                        edges[folder].TryAdd(target, Path.GetRelativePath(Library, file));
                    }
                }
            }
        }

        return edges;
    }

    /// <summary>Tarjan's strongly connected components: every cycle lies inside one.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in edges[node].Keys)
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in edges.Keys.Where(node => !index.ContainsKey(node)))
        {
            Visit(node);
        }

        return components;
    }

    private static string Describe(Dictionary<string, Dictionary<string, string>> edges) =>
        string.Join("\n", edges.OrderBy(edge => edge.Key, StringComparer.Ordinal).SelectMany(edge =>
            edge.Value.OrderBy(target => target.Key, StringComparer.Ordinal).Select(target => $"{edge.Key} -> {target.Key} (first in {target.Value})")));

    // A using of a folder's namespace, or a name qualified with it (not a longer namespace that
    // happens to end in a folder's name, such as System.Diagnostics).
    [GeneratedRegex(@"(?:using\s+AuthingClient\.(?<folder>\w+)\s*;)|(?:(?<![\w.])(?:AuthingClient\.)?(?<folder>\w+)\.[A-Z]\w*)")]
    private static partial Regex FolderReference();

    // Comments that explain (//), not documentation (///, whose crefs are real references). A URL's // follows a colon.
    [GeneratedRegex(@"(?<![:/])//(?!/)[^\n]*")]
    private static partial Regex LineComment();
}
