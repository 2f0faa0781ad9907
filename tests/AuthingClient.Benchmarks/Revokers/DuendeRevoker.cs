using AuthingClient.Benchmarks.Fixtures;
using Duende.IdentityModel.Client;

namespace AuthingClient.Benchmarks.Revokers;

/// <summary>
/// (b) The peer library: Duende.IdentityModel's <c>RevokeTokenAsync</c> extension, with the
/// credentials in the body (client_secret_post) so the wire form matches (a) and (d).
/// </summary>
public sealed class DuendeRevoker(HttpClient httpClient, Uri revocationUri)
{
    private readonly string _address = revocationUri.AbsoluteUri;

    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default)
    {
        using var request = new TokenRevocationRequest
        {
            Address = _address,
            ClientId = RevocationFixture.AppId,
            ClientSecret = RevocationFixture.AppSecret,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            Token = token,
        };
        var response = await httpClient.RevokeTokenAsync(request, cancellationToken).ConfigureAwait(false);
        return !response.IsError;
    }
}
