using System.Reflection;
using AuthingClient.Testing;

namespace AuthingClient.Cli.Tests;

/// <summary>The CLI holds production secrets: it must not carry a test server's dependencies.</summary>
public class StandInFootprintTests
{
    private static readonly string[] TestServerAssemblies = ["WireMock", "GraphQL", "Handlebars", "Microsoft.CodeAnalysis", "NSwag", "NJsonSchema"];

    public static TheoryData<string> ShippedAssemblies => new() { "authing-revoke", "AuthingClient.Testing", "AuthingClient" };

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void ShippedAssembly_AnyTheCliShips_ReferencesNoTestServerCode(string name)
    {
        var assembly = new[] { typeof(CliApplication).Assembly, typeof(AuthingStandIn).Assembly, typeof(AuthenticationClient).Assembly }
            .Single(candidate => candidate.GetName().Name == name);

        var references = assembly.GetReferencedAssemblies().Select(reference => reference.Name!).ToArray();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, reference => TestServerAssemblies.Any(banned => reference.StartsWith(banned, StringComparison.Ordinal)));
    }

    [Fact]
    public void StandIn_Served_UsesKestrelFromTheSharedFramework()
    {
        var references = typeof(AuthingStandIn).Assembly.GetReferencedAssemblies().Select(reference => reference.Name).ToArray();

        Assert.Contains("Microsoft.AspNetCore.Server.Kestrel.Core", references);
    }
}
