namespace AuthingClient.Revocation;

/// <summary>How long a <see cref="RevokedTokenRegistry"/> remembers a revocation.</summary>
public sealed class RevokedTokenRegistryOptions
{
    /// <summary>
    /// The longest lifetime of a token your validators accept. A token that is not a readable JWT (an
    /// opaque access or refresh token, or a JWT whose <c>exp</c> cannot be read) is remembered this
    /// long after it was marked; a per-user or per-session revocation lasts this long after its time,
    /// since no token issued before it can outlive it. Default 30 days: the longest lifetime Authing
    /// applications give tokens by default (refresh tokens; access and ID tokens default to 15 days).
    /// Between 1 second and 365 days.
    /// </summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long after a JWT's <c>exp</c> it is still remembered, because validators accept a token
    /// that far past its expiry. Default 5 minutes, the default
    /// <c>TokenValidationParameters.ClockSkew</c> of ASP.NET Core's JwtBearer; keep it at least as
    /// large as your validators' skew. Between 0 and 1 day.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
