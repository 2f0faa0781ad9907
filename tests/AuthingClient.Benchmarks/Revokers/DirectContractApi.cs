using AuthingClient.Contract;

namespace AuthingClient.Benchmarks.Revokers;

/// <summary>
/// An experiment, never shipped: the library's generated contract (<see cref="IAuthingRevocationApi"/>)
/// implemented straight on <see cref="HttpClient"/> instead of by Refit — absolute URIs built once,
/// a <see cref="FormUrlEncodedContent"/> from the DTO, the response returned after its headers, as
/// Refit does. Variant (e) runs <see cref="AuthenticationClient"/> over it, which measures what the
/// Refit layer itself costs inside (d), and so whether the per-call targets could be met with the
/// library's own work alone (docs/performance.md).
/// </summary>
internal sealed class DirectContractApi(HttpClient httpClient, Uri appHost) : IAuthingRevocationApi
{
    private readonly Uri _oidc = new(appHost, "oidc/token/revocation");
    private readonly Uri _oauth = new(appHost, "oauth/token/revocation");

    public Task<HttpResponseMessage> RevokeOidcTokenAsync(RevocationRequest body, string? authorization, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _oidc) { Content = Form(body) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public Task<HttpResponseMessage> RevokeOAuthTokenAsync(RevocationRequest body, CancellationToken cancellationToken) =>
        httpClient.SendAsync(new HttpRequestMessage(HttpMethod.Post, _oauth) { Content = Form(body) }, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    private static FormUrlEncodedContent Form(RevocationRequest body)
    {
        var fields = new List<KeyValuePair<string?, string?>>(4) { new("token", body.Token) };
        if (body.Token_type_hint is { } hint)
        {
            fields.Add(new("token_type_hint", hint == AuthingClient.Contract.TokenTypeHint.Access_token ? "access_token" : "refresh_token"));
        }

        if (body.Client_id is not null)
        {
            fields.Add(new("client_id", body.Client_id));
        }

        if (body.Client_secret is not null)
        {
            fields.Add(new("client_secret", body.Client_secret));
        }

        return new FormUrlEncodedContent(fields);
    }
}
