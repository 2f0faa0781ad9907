using System.Net;
using AuthingClient.Benchmarks.Fixtures;
using AuthingClient.Contract;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Refit;

namespace AuthingClient.Benchmarks.Revokers;

/// <summary>
/// An experiment, not a user-facing variant: (c) run inside a Polly v8 pipeline shaped like the
/// library's defaults (overall time-out 30 s → retry, 3 attempts → attempt time-out 10 s), with a
/// pooled <see cref="ResilienceContext"/>. It shows what two Polly time-out strategies would cost
/// per call; the library itself uses no Polly: it times attempts with pooled cancellation sources
/// and retries in one loop of its own (docs/performance.md, section 1b).
/// </summary>
public sealed class PipelinedRefitRevoker
{
    private readonly IAuthingRevocationApi _api;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public PipelinedRefitRevoker(HttpClient httpClient)
    {
        _api = RestService.ForGenerated<IAuthingRevocationApi>(httpClient, new RefitSettings { TransportExceptionFactory = static (_, exception, _) => exception });
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System }
            .AddTimeout(TimeSpan.FromSeconds(30))
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();
    }

    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default)
    {
        var form = new RevocationRequest
        {
            Token = token,
            Client_id = RevocationFixture.AppId,
            Client_secret = RevocationFixture.AppSecret,
        };
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state._api.RevokeOidcTokenAsync(state.form, authorization: null, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (_api, form)).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // The success path of TransientFailure.IsTransient.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        HttpRequestException or TimeoutRejectedException => true,
        null => outcome.Result!.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };
}
