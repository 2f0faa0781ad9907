using AuthingClient.AspNetCore.BackChannelLogout;
using AuthingClient.AspNetCore.Receivers;
using Microsoft.AspNetCore.Routing;

// Where MapHealthChecks and the other endpoint-mapping extensions live.
#pragma warning disable IDE0130
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps the OpenID Connect Back-Channel Logout 1.0 receiver.</summary>
public static class BackChannelLogoutEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the back-channel logout receiver (register it first
    /// with <c>services.AddAuthingBackChannelLogout(...)</c>): the identity provider posts a signed
    /// <c>logout_token</c>; when it validates (OpenID Connect Back-Channel Logout 1.0 §2.6), its
    /// <c>sub</c> revokes every token of that user and its <c>sid</c> every token of that session, issued
    /// until it arrived, in the revoked-token registry the JwtBearer check consults. Answers 200, or 400
    /// <c>{"error":"invalid_request"}</c> for anything else, both with <c>Cache-Control: no-store</c>.
    /// The endpoint allows anonymous callers (the token's signature is its authentication).
    /// </summary>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route, e.g. <c>/backchannel-logout</c>: the back-channel logout URI registered with the provider.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddAuthingBackChannelLogout</c> was not called.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message names each setting.</exception>
    public static IEndpointConventionBuilder MapBackChannelLogout(this IEndpointRouteBuilder endpoints, string pattern) =>
        ReceiverRegistration.MapReceiver<BackChannelLogoutReceiver>(endpoints, pattern, receiver => receiver.HandleAsync, "OpenID Connect back-channel logout", "services.AddAuthingBackChannelLogout(...) (settings: Authing:BackChannelLogout)");
}
