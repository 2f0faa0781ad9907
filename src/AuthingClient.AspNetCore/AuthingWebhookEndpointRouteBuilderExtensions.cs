using AuthingClient.AspNetCore.Receivers;
using AuthingClient.AspNetCore.Webhooks;
using Microsoft.AspNetCore.Routing;

// Where MapHealthChecks and the other endpoint-mapping extensions live.
#pragma warning disable IDE0130
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps the Authing webhook receiver.</summary>
public static class AuthingWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the Authing webhook receiver (register it first with
    /// <c>services.AddAuthingWebhook(...)</c>): a delivery of an event that ends sessions — <c>kick</c>
    /// (narrowed to <c>data.application</c> when given), <c>user:password-changed</c>, <c>user:blocked</c>,
    /// <c>user:archived</c>, <c>user:deleted</c> — revokes every token of those users issued until it
    /// arrived, in the revoked-token registry the JwtBearer check consults. Answers: 200 (every other
    /// event and the console's test delivery too, changing nothing), 401 without the secret, 415 for a
    /// body that is neither JSON nor a form, 413 over 1 MiB, 400 for a malformed one. The endpoint
    /// allows anonymous callers (the secret is its authentication); add rate limiting, host filters and
    /// the like to the returned builder.
    /// </summary>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route, e.g. <c>/authing/events</c>: the callback URL set in the Authing console.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddAuthingWebhook</c> was not called.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message names each setting.</exception>
    public static IEndpointConventionBuilder MapAuthingWebhook(this IEndpointRouteBuilder endpoints, string pattern) =>
        ReceiverRegistration.MapReceiver<AuthingWebhookReceiver>(endpoints, pattern, receiver => receiver.HandleAsync, "Authing webhook", "services.AddAuthingWebhook(...) (settings: Authing:Webhook)");
}
