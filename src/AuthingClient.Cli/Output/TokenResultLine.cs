using System.Text.Json.Serialization;

namespace AuthingClient.Cli.Output;

/// <summary>One <c>--json</c> output line. Every field is always present; absent values are <c>null</c>.</summary>
/// <param name="Token">The token's fingerprint, never the token.</param>
/// <param name="Revoked"><c>true</c>, <c>false</c>, or <c>null</c> when the outcome is not known.</param>
/// <param name="Status">The HTTP status of a refusal or failure; <c>null</c> when revoked or when no answer came.</param>
/// <param name="Error">The OAuth error code (or <c>timeout</c>, <c>transport_error</c>, <c>http_error</c>, <c>invalid_argument</c>).</param>
internal sealed record TokenResultLine(string Token, bool? Revoked, int? Status, string? Error);

/// <summary>Source-generated JSON for the output lines: no reflection, snake_case names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TokenResultLine))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
