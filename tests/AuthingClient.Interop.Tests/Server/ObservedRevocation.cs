namespace AuthingClient.Interop.Tests.Server;

/// <summary>What the authorization server saw of one revocation request, before judging it.</summary>
/// <param name="Path">The request path, e.g. <c>/oidc/token/revocation</c>.</param>
/// <param name="ClientId">The <c>client_id</c> after OpenIddict read the form and any Basic header.</param>
/// <param name="Method">The client authentication method the request used.</param>
/// <param name="TokenTypeHint">The <c>token_type_hint</c> as received, if any.</param>
/// <param name="Token">The <c>token</c> as decoded by the server.</param>
public sealed record ObservedRevocation(string Path, string? ClientId, ClientAuthenticationMethod Method, string? TokenTypeHint, string? Token);
