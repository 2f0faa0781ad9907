using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace AuthingClient.Tests.Spec;

/// <summary>openapi/authing-revocation.yaml, read once with Microsoft.OpenApi, with what reading it reported.</summary>
public static class SpecDocument
{
    private static readonly Lazy<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> Loaded = new(Load);

    public static OpenApiDocument Document => Loaded.Value.Document;

    public static OpenApiDiagnostic Diagnostic => Loaded.Value.Diagnostic;

    private static (OpenApiDocument, OpenApiDiagnostic) Load()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "openapi", "authing-revocation.yaml"));
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);
        return (document, diagnostic);
    }
}
