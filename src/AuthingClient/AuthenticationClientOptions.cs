using System.Diagnostics.CodeAnalysis;
using AuthingClient.Revocation;

namespace AuthingClient;

/// <summary>
/// Settings of an <see cref="AuthenticationClient"/>; the names follow Authing's official SDKs.
/// Bind them from configuration (section <c>Authing</c> by convention) or set them in code.
/// </summary>
/// <remarks>
/// Options are validated before any request: at start-up with dependency injection
/// (<c>ValidateOnStart</c>), in the constructor otherwise. Validation messages name the setting and
/// never contain the secret.
/// </remarks>
public sealed class AuthenticationClientOptions
{
    /// <summary>The default configuration section name, <c>Authing</c>.</summary>
    public const string SectionName = "Authing";

    /// <summary>The application's ID (Authing console: App ID). Sent as <c>client_id</c>. Required.</summary>
    public string? AppId { get; set; }

    /// <summary>
    /// The application's secret (Authing console: App Secret). Required for
    /// <see cref="ClientAuthenticationMethod.ClientSecretPost"/> and
    /// <see cref="ClientAuthenticationMethod.ClientSecretBasic"/>; never sent with
    /// <see cref="ClientAuthenticationMethod.None"/>.
    /// </summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// The application's Authing domain as an absolute URI, for example
    /// <c>https://example.authing.cn</c>. Required.
    /// </summary>
    [SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "Mirrors Authing's SDK setting and binds from configuration as text; validated as an absolute URI.")]
    public string? AppHost { get; set; }

    /// <summary>The protocol the application uses; selects the revocation path. Default <see cref="AuthingProtocol.Oidc"/>.</summary>
    public AuthingProtocol Protocol { get; set; } = AuthingProtocol.Oidc;

    /// <summary>
    /// How the application authenticates at the revocation endpoint (Authing console: revocation
    /// token authentication method). Default <see cref="ClientAuthenticationMethod.ClientSecretPost"/>.
    /// <see cref="ClientAuthenticationMethod.ClientSecretBasic"/> is not available with
    /// <see cref="AuthingProtocol.OAuth"/>.
    /// </summary>
    public ClientAuthenticationMethod RevocationEndPointAuthMethod { get; set; } = ClientAuthenticationMethod.ClientSecretPost;

    /// <summary>
    /// Allows an <see cref="AppHost"/> with plain <c>http</c> on a non-loopback address. Off by
    /// default: every request carries the client secret and the token.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The longest a single HTTP attempt may take. Default 10 seconds. An attempt that times out is
    /// retried like any transient failure.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest a whole revocation may take, retries and waits included. Default 30 seconds.
    /// Exceeding it throws <see cref="AuthingRevocationException"/> with
    /// <see cref="RevocationOutcome.Timeout"/>, never <see cref="OperationCanceledException"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How transient failures are retried.</summary>
    public RevocationRetryOptions Retry { get; } = new();

    /// <summary>
    /// When a token is marked in the revoked-token registry. Default
    /// <see cref="RevokedTokenMarking.WhenRequested"/> (fail-closed): as soon as revocation is
    /// requested, whatever Authing answers. In configuration: <c>when_requested</c> or <c>when_confirmed</c>.
    /// </summary>
    public RevokedTokenMarking RevokedTokenMarking { get; set; } = RevokedTokenMarking.WhenRequested;

    /// <summary>
    /// The registry every revocation marks, shared with the application's local validators.
    /// <see langword="null"/> (the default): with dependency injection, the registered
    /// <see cref="RevokedTokenRegistry"/> if there is one; without, none. Read once, when the client is built.
    /// </summary>
    public RevokedTokenRegistry? RevokedTokenRegistry { get; set; }

    /// <summary>
    /// Observers told after every revocation, besides those registered with dependency injection
    /// (see <see cref="IRevocationObserver"/>). Read once, when the client is built.
    /// </summary>
    public IList<IRevocationObserver> RevocationObservers { get; } = [];

    /// <summary>
    /// Returns the non-secret settings: neither the secret nor any user information in
    /// <see cref="AppHost"/> is part of the text, and an AppHost that is not a URI is not echoed.
    /// </summary>
    /// <returns>A description for logs and debuggers.</returns>
    public override string ToString() =>
        $"AppId={AppId}, AppHost={PrintableAppHost()}, Protocol={Protocol}, RevocationEndPointAuthMethod={RevocationEndPointAuthMethod}, AppSecret={(string.IsNullOrEmpty(AppSecret) ? "(none)" : "***")}";

    private string? PrintableAppHost() =>
        AppHost is null ? null
        : !Uri.TryCreate(AppHost, UriKind.Absolute, out var uri) ? "(not an absolute URI)"
        : uri.UserInfo.Length == 0 ? AppHost
        : uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);
}
