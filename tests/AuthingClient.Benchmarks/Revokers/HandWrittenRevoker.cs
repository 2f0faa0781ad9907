using AuthingClient.Benchmarks.Fixtures;

namespace AuthingClient.Benchmarks.Revokers;

/// <summary>
/// (a) The hand-written minimum, the baseline: one <see cref="HttpClient.PostAsync(Uri, HttpContent, CancellationToken)"/>
/// of a <see cref="FormUrlEncodedContent"/> with token, client_id and client_secret to a cached
/// absolute URI; 2xx is success. No retries, no validation, no telemetry.
/// </summary>
public sealed class HandWrittenRevoker(HttpClient httpClient, Uri revocationUri)
{
    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default)
    {
        using var content = new FormUrlEncodedContent(new KeyValuePair<string?, string?>[]
        {
            new("token", token),
            new("client_id", RevocationFixture.AppId),
            new("client_secret", RevocationFixture.AppSecret),
        });
        using var response = await httpClient.PostAsync(revocationUri, content, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }
}
