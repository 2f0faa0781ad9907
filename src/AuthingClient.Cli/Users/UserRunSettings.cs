using AuthingClient.Cli.Input;

namespace AuthingClient.Cli.Users;

/// <summary>What a <c>revoke-user</c> run was asked to do.</summary>
/// <param name="Source">Where the user ids come from.</param>
/// <param name="Registry">The Redis connection string of the fleet's registry; required.</param>
/// <param name="Issuer">The <c>--issuer</c>, when given.</param>
/// <param name="AppHost">The app host the default issuer is made from.</param>
/// <param name="Audience">The application id the revocations are narrowed to, when given.</param>
/// <param name="Json">One JSON object per user instead of <c>true</c>/<c>error</c>.</param>
/// <param name="Quiet">No summary on stderr.</param>
internal sealed record UserRunSettings(TokenSource Source, string? Registry, string? Issuer, string? AppHost, string? Audience, bool Json, bool Quiet)
{
    /// <summary>The <c>--registry</c> connection string may hold a password.</summary>
    public override string ToString() => $"revoke-user ({Source})";

    /// <summary>The issuer the revocations name: <c>--issuer</c>, else the app host followed by <c>/oidc</c> (Authing's OIDC issuer).</summary>
    public string? EffectiveIssuer => Issuer is { Length: > 0 } issuer ? issuer
        : AppHost is { Length: > 0 } host ? host.TrimEnd('/') + "/oidc"
        : null;
}
