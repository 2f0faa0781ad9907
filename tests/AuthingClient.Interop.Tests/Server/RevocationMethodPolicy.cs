using System.Collections.Concurrent;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthingClient.Interop.Tests.Server;

/// <summary>
/// Gives the test server Authing's per-application "revocation authentication method" setting,
/// which OpenIddict 7 lacks (any confidential client may use post or basic there). A request whose
/// method differs from the client's registered one is refused with <c>invalid_client</c>, so a
/// passing client_secret_basic test proves the secret really travelled in the Basic header.
/// Every revocation request is also recorded, so tests can see what reached the server.
/// </summary>
public sealed class RevocationMethodPolicy
{
    private readonly ConcurrentQueue<ObservedRevocation> _observed = new();
    private readonly Dictionary<string, ClientAuthenticationMethod> _methods;

    public RevocationMethodPolicy(IEnumerable<RegisteredClient> clients)
    {
        _methods = clients.ToDictionary(client => client.ClientId, client => client.RevocationMethod, StringComparer.Ordinal);
    }

    /// <summary>The revocation requests received so far, oldest first.</summary>
    public IReadOnlyCollection<ObservedRevocation> Observed => _observed;

    /// <summary>The requests that carried <paramref name="token"/>.</summary>
    public IReadOnlyList<ObservedRevocation> ObservedFor(string token) =>
        _observed.Where(request => request.Token == token).ToList();

    public ValueTask ApplyAsync(ValidateRevocationRequestContext context)
    {
        var http = context.Transaction.GetHttpRequest()
            ?? throw new InvalidOperationException("The revocation request did not come through ASP.NET Core.");

        var method = MethodOf(http);
        _observed.Enqueue(new ObservedRevocation(http.Path.Value ?? string.Empty, context.Request.ClientId, method, context.Request.TokenTypeHint, context.Request.Token));

        if (context.Request.ClientId is { } clientId
            && _methods.TryGetValue(clientId, out var registered)
            && registered != method)
        {
            context.Reject(
                error: OpenIddictConstants.Errors.InvalidClient,
                description: $"This client must authenticate with {WireName(registered)} at the revocation endpoint, not {WireName(method)}.");
        }

        return default;
    }

    private static ClientAuthenticationMethod MethodOf(HttpRequest http)
    {
        if (http.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return ClientAuthenticationMethod.ClientSecretBasic;
        }

        // The form was already read (and cached) by OpenIddict's request extraction.
        return http.HasFormContentType && http.Form.ContainsKey(OpenIddictConstants.Parameters.ClientSecret)
            ? ClientAuthenticationMethod.ClientSecretPost
            : ClientAuthenticationMethod.None;
    }

    private static string WireName(ClientAuthenticationMethod method) => method switch
    {
        ClientAuthenticationMethod.ClientSecretPost => "client_secret_post",
        ClientAuthenticationMethod.ClientSecretBasic => "client_secret_basic",
        _ => "none",
    };
}
