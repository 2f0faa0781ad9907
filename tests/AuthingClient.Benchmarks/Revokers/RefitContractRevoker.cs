using AuthingClient.Benchmarks.Fixtures;
using AuthingClient.Contract;
using Refit;

namespace AuthingClient.Benchmarks.Revokers;

/// <summary>
/// (c) The generated Refit call alone: <c>IAuthingRevocationApi.RevokeOidcTokenAsync</c> with the
/// NSwag DTO, over an <see cref="HttpClient"/> configured the way the library configures its own
/// (BaseAddress = AppHost, no HttpClient time-out: the library's time-outs live in its Polly
/// pipeline), with the library's Refit settings. No pipeline, no validation, no telemetry.
/// </summary>
/// <remarks>
/// <c>AuthingClient.Contract</c> is the library's internal contract when the library grants
/// InternalsVisibleTo to this assembly (AUTHING_INTERNALS_VISIBLE), otherwise this assembly's copy
/// generated from the same spec by the same target (see the project file). Either way the code that
/// runs is Refit's generator output for the same interface and DTO.
/// </remarks>
public sealed class RefitContractRevoker
{
    private readonly IAuthingRevocationApi _api;

    public RefitContractRevoker(HttpClient httpClient)
    {
        // The library's settings (AuthingHttp.CreateRefitSettings): transport exceptions surface unwrapped.
        var settings = new RefitSettings { TransportExceptionFactory = static (_, exception, _) => exception };
        _api = RestService.ForGenerated<IAuthingRevocationApi>(httpClient, settings);
    }

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
