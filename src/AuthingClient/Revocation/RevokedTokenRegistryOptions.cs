namespace AuthingClient.Revocation;

/// <summary>How long a <see cref="RevokedTokenRegistry"/> remembers a revoked token.</summary>
public sealed class RevokedTokenRegistryOptions
{
    /// <summary>
    /// How long a token that is not a readable JWT (an opaque access or refresh token, or a JWT
    /// whose <c>exp</c> cannot be read) is remembered after it was marked. Default 30 days: as long
    /// as the longest token lifetime Authing applications commonly use (refresh tokens). Set it to
    /// the longest lifetime of the tokens your application revokes. Between 1 second and 365 days.
    /// </summary>
    public TimeSpan OpaqueTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long after a JWT's <c>exp</c> it is still remembered, because validators accept a token
    /// that far past its expiry. Default 5 minutes, the default
    /// <c>TokenValidationParameters.ClockSkew</c> of ASP.NET Core's JwtBearer; keep it at least as
    /// large as your validators' skew. Between 0 and 1 day.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
