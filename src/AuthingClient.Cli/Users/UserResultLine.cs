using System.Text.Json.Serialization;

namespace AuthingClient.Cli.Users;

/// <summary>One <c>revoke-user --json</c> output line. Every field is always present; absent values are <c>null</c>.</summary>
/// <param name="User">The user id as given (an identifier, not a credential).</param>
/// <param name="Revoked"><c>true</c> when Redis confirmed the revocation, otherwise <c>null</c>.</param>
/// <param name="Error"><c>registry_error</c> (Redis did not confirm), <c>invalid_argument</c> (nothing written), or <c>null</c>.</param>
internal sealed record UserResultLine(string User, bool? Revoked, string? Error);

/// <summary>Source-generated JSON for the output lines: no reflection, snake_case names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(UserResultLine))]
internal sealed partial class UserJsonContext : JsonSerializerContext;
