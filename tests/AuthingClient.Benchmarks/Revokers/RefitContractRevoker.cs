using AuthingClient.Benchmarks.Fixtures;
using AuthingClient.Contract;
using Refit;

namespace AuthingClient.Benchmarks.Revokers;

/// <summary>
/// (c) The generated Refit call alone: <c>IAuthingRevocationApi.RevokeOidcTokenAsync</c> with the
/// NSwag DTO, over an <see cref="HttpClient"/> configured the way the library configures its own
/// (BaseAddress = AppHost, no HttpClient time-out: the library's time-outs are its own attempt
/// deadlines), with the library's Refit settings. No time-out, no validation, no telemetry.
/// </summary>
/// <remarks>
/// <c>AuthingClient.Contract</c> is the library's internal contract (the library grants this
/// assembly InternalsVisibleTo): the code that runs is exactly the library's Refit-generated client.
/// </remarks>
public sealed class RefitContractRevoker
{
    private readonly IAuthingRevocationApi _api;

    public RefitContractRevoker(HttpClient httpClient)
        : this(RestService.ForGenerated<IAuthingRevocationApi>(httpClient, new RefitSettings { TransportExceptionFactory = static (_, exception, _) => exception }))
    {
        // The library's settings (AuthingHttp.CreateRefitSettings): transport exceptions surface unwrapped.
    }

    /// <summary>Over a contract built elsewhere (e.g. resolved from a container).</summary>
    internal RefitContractRevoker(IAuthingRevocationApi api) => _api = api;

    public static HttpClient CreateLibraryLikeClient(HttpMessageHandler handler, Uri appHost) =>
        new(handler, disposeHandler: true) { BaseAddress = appHost, Timeout = Timeout.InfiniteTimeSpan };

    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default)
    {
        var form = new RevocationRequest
        {
            Token = token,
            Client_id = RevocationFixture.AppId,
            Client_secret = RevocationFixture.AppSecret,
        };
        using var response = await _api.RevokeOidcTokenAsync(form, authorization: null, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }
}
