using System.Text.Json.Serialization;

namespace AuthingClient.Cli.Output;

/// <summary>One <c>--json</c> output line. Every field is always present; absent values are <c>null</c>.</summary>
/// <param name="Token">The token's fingerprint, never the token.</param>
/// <param name="Revoked"><c>true</c>, <c>false</c>, or <c>null</c> when the outcome is not known.</param>
/// <param name="Status">The HTTP status of a refusal or failure; <c>null</c> when revoked or when no answer came.</param>
/// <param name="Outcome">The library's name of what Authing made of the request (<c>revoked</c>, <c>not_revoked</c>, <c>refused</c>, <c>timeout</c>, <c>transport_error</c>: the <c>authing.outcome</c> of its telemetry), or <c>null</c> when not known.</param>
/// <param name="Error">The OAuth error code Authing gave, else the outcome's name for a failure, <c>registry_error</c> (the <c>--registry</c> mark failed), <c>invalid_argument</c> (nothing sent) or <c>unexpected_error</c>.</param>
internal sealed record TokenResultLine(string Token, bool? Revoked, string? Outcome, int? Status, string? Error);

/// <summary>Source-generated JSON for the output lines: no reflection, snake_case names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TokenResultLine))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
