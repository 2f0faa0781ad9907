using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AuthingClient.AspNetCore;

/// <summary>
/// The OpenID Connect Back-Channel Logout 1.0 receiver (<c>app.MapBackChannelLogout(pattern)</c>):
/// which client the logout tokens must be addressed to, and which JwtBearer scheme's keys and
/// issuer they are validated with. Usually bound from the configuration section
/// <see cref="SectionName"/>; validated at start-up.
/// </summary>
public sealed class BackChannelLogoutOptions
{
    /// <summary>The configuration section these options are usually bound from.</summary>
    public const string SectionName = "Authing:BackChannelLogout";

    /// <summary>
    /// Required: this application's client id (for Authing, the application's App ID). A logout
    /// token's <c>aud</c> must contain it (Back-Channel Logout 1.0 §2.6).
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The JwtBearer scheme whose token validation parameters (issuer, signing keys, algorithms, clock
    /// skew) and, when it has an <c>Authority</c>, metadata validate logout tokens. Default
    /// <see cref="JwtBearerDefaults.AuthenticationScheme"/>.
    /// </summary>
    public string AuthenticationScheme { get; set; } = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>
    /// How old a logout token's <c>iat</c> may be (plus the scheme's clock skew) for it to be accepted:
    /// the specification asks receivers to refuse tokens issued too far in the past, which bounds how
    /// long a captured token can be replayed. Default 5 minutes; between 1 second and 1 hour.
    /// </summary>
    public TimeSpan MaxTokenAge { get; set; } = TimeSpan.FromMinutes(5);
}
