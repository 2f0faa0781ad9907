using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using AuthingClient.Tests.Support;

namespace AuthingClient.Tests.Spec;

/// <summary>
/// Checks a request that arrived on the wire against the spec: the operation exists for its
/// method and path, the content type is one the operation consumes, the form fields match the
/// request schema (required fields present, no unknown fields, enum values allowed, no empty
/// required string, no repeats), and an Authorization header is sent only where the operation's
/// security admits HTTP Basic.
/// </summary>
public static class SpecRequestValidator
{
    public static IReadOnlyList<string> Violations(RecordedRequest request) =>
        Violations(request.Method, request.Path, ContentType(request), request.Form, request.Header("Authorization"));

    public static IReadOnlyList<string> Violations(
        string method,
        string path,
        string? contentType,
        IReadOnlyList<KeyValuePair<string, string>> form,
        IReadOnlyList<string> authorization)
    {
        var violations = new List<string>();
        if (!SpecDocument.Document.Paths.TryGetValue(path, out var pathItem)
            || !pathItem.Operations.TryGetValue(Enum.Parse<OperationType>(method, ignoreCase: true), out var operation))
        {
            return [$"{method} {path} is not an operation of the spec"];
        }

        var mediaType = contentType?.Split(';')[0].Trim();
        if (mediaType is null || !operation.RequestBody.Content.TryGetValue(mediaType, out var body))
        {
            return [$"content type '{contentType}' is not one of {string.Join(", ", operation.RequestBody.Content.Keys)}"];
        }

        var schema = body.Schema;
        foreach (var group in form.GroupBy(field => field.Key).Where(g => g.Count() > 1))
        {
            violations.Add($"field '{group.Key}' is sent {group.Count()} times");
        }

        foreach (var (name, value) in form)
        {
            if (!schema.Properties.TryGetValue(name, out var property))
            {
                if (!schema.AdditionalPropertiesAllowed || schema.AdditionalProperties is not null)
                {
                    violations.Add($"field '{name}' is not in the schema");
                }

                continue;
            }

            var enumValues = property.Enum.OfType<OpenApiString>().Select(s => s.Value).ToList();
            if (enumValues.Count > 0 && !enumValues.Contains(value))
            {
                violations.Add($"field '{name}' has value '{value}', not one of {string.Join(", ", enumValues)}");
            }

            if (property.MinLength is { } minLength && value.Length < minLength)
            {
                violations.Add($"field '{name}' is shorter than {minLength}");
            }
        }

        violations.AddRange(schema.Required.Where(required => form.All(field => field.Key != required)).Select(required => $"required field '{required}' is missing"));

        var basicAllowed = (operation.Security ?? SpecDocument.Document.SecurityRequirements)
            .SelectMany(requirement => requirement.Keys)
            .Any(scheme => scheme.Type == SecuritySchemeType.Http && string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase));
        if (authorization.Count > 0 && !(basicAllowed && authorization.All(value => value.StartsWith("Basic ", StringComparison.Ordinal))))
        {
            violations.Add($"an Authorization header is sent, but the operation's security admits {(basicAllowed ? "only Basic" : "none")}");
        }

        return violations;
    }

    private static string? ContentType(RecordedRequest request) => request.Header("Content-Type").SingleOrDefault();
}
