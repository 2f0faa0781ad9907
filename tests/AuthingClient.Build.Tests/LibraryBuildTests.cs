namespace AuthingClient.Build.Tests;

/// <summary>
/// The build keeps its promises. The spec is the source: editing openapi/ and running `dotnet build` changes the generated Refit
/// contract with no hand edit, and a build with nothing changed does not run NSwag. One workspace
/// serves the sequence because each step depends on the state the previous build left.
/// </summary>
public sealed class LibraryBuildTests : IDisposable
{
    private readonly LibraryWorkspace _workspace = LibraryWorkspace.CopyFromRepository();

    [Fact]
    public void Build_GeneratesOnce_SkipsNSwagWhenNothingChanged_AndRegeneratesWhenTheSpecChanges()
    {
        var first = _workspace.Build();
        Assert.True(first.Succeeded, first.Log);
        Assert.True(first.RanNSwag, "the first build must run NSwag");
        var generated = File.ReadAllText(_workspace.GeneratedContractPath);
        Assert.Contains("[Refit.Post(\"/oidc/token/revocation\")]", generated, StringComparison.Ordinal);
        Assert.Contains("[Refit.Post(\"/oauth/token/revocation\")]", generated, StringComparison.Ordinal);
        Assert.Contains("JsonPropertyName(\"token_type_hint\")", generated, StringComparison.Ordinal);

        var noOp = _workspace.Build();
        Assert.True(noOp.Succeeded, noOp.Log);
        Assert.True(noOp.SkippedNSwag, "a no-op build must skip the generation target");
        Assert.False(noOp.RanNSwag, "a no-op build must not run NSwag");

        // A field added to the spec's request schema appears in the generated form DTO.
        var spec = File.ReadAllText(_workspace.SpecPath);
        File.WriteAllText(_workspace.SpecPath, spec.Replace(
            "        client_secret:\n",
            "        audience_hint:\n          type: string\n          description: Added by a test.\n        client_secret:\n",
            StringComparison.Ordinal));

        var changed = _workspace.Build();
        Assert.True(changed.Succeeded, changed.Log);
        Assert.True(changed.RanNSwag, "a changed spec must run NSwag");
        Assert.Contains("JsonPropertyName(\"audience_hint\")", File.ReadAllText(_workspace.GeneratedContractPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FailsToCompile_WhenTheSpecRenamesAFieldTheClientSends()
    {
        var spec = File.ReadAllText(_workspace.SpecPath);
        File.WriteAllText(_workspace.SpecPath, spec.Replace("        client_id:\n", "        app_id:\n", StringComparison.Ordinal));

        var result = _workspace.Build();

        // The generated DTO no longer has Client_id: the facade no longer compiles, so a renamed wire
        // field can never be sent under its old name by accident.
        Assert.False(result.Succeeded);
        Assert.Contains("Client_id", result.Log, StringComparison.Ordinal);
        Assert.Contains("JsonPropertyName(\"app_id\")", File.ReadAllText(_workspace.GeneratedContractPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FailsWhenThePublicApiChangesWithoutUpdatingTheBaseline()
    {
        File.WriteAllText(
            Path.Combine(Path.GetDirectoryName(_workspace.ProjectPath)!, "UnplannedApi.cs"),
            "namespace AuthingClient;\n/// <summary>Not in PublicAPI.*.txt.</summary>\npublic static class UnplannedApi\n{\n    /// <summary>Nothing.</summary>\n    public static void Nothing() { }\n}\n");

        var result = _workspace.Build();

        Assert.False(result.Succeeded);
        Assert.Contains("RS0016", result.Log, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
